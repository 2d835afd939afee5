// Loaded with `node --import`: writes the URL of every file module the process loads to standard
// error, one `module <url>` line each, so that a test can see what a run of the CLI loads.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(
    'export async function load(url, context, next) { if (url.startsWith("file:")) process._rawDebug("module " + url); return next(url, context); }',
  )}`,
);
