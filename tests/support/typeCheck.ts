/** Type-checking TypeScript files as a user's project would (strict, NodeNext), for tests of what the compiler refuses. */
import ts from 'typescript';

const TYPE_ROOTS = [new URL('../../node_modules/@types', import.meta.url).pathname];

export interface TypeError {
  file: string;
  /** 1-based. */
  line: number;
  message: string;
}

export function typeErrors(files: readonly string[]): TypeError[] {
  const program = ts.createProgram([...files], {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: ['node'],
    typeRoots: TYPE_ROOTS,
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((error) => ({
    file: error.file?.fileName ?? '',
    line: error.file && error.start !== undefined ? error.file.getLineAndCharacterOfPosition(error.start).line + 1 : 0,
    message: ts.flattenDiagnosticMessageText(error.messageText, ' '),
  }));
}
