// What every qualspec command does first. The commands' code is built into dist/ (pnpm build,
// or prepack before publishing); these files are part of the sources so that installing the
// workspace can link the commands before the build has run.

/** An older Node gets one line instead of an error from deep inside pdf.js. */
export function checkNode(command) {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 13)) {
    console.error(`${command}: needs Node 22.13 or later (24 LTS recommended); this is Node ${process.versions.node}`);
    process.exit(2);
  }
}

/**
 * V8's code cache on disk (Node's module compile cache, in the OS temporary directory unless
 * NODE_COMPILE_CACHE names one; NODE_DISABLE_COMPILE_CACHE=1 turns it off): later runs skip
 * compiling pdf.js and the rest again. The page workers inherit it through the environment.
 */
export async function useCompileCache() {
  const { enableCompileCache, getCompileCacheDir } = await import('node:module');
  const { dirname } = await import('node:path');
  if (!enableCompileCache || process.env.NODE_DISABLE_COMPILE_CACHE) return;
  enableCompileCache();
  // (The directory Node reports ends in a folder per Node version, which Node adds again to
  // NODE_COMPILE_CACHE: the workers are given its parent, to share this thread's cache.)
  const dir = getCompileCacheDir?.();
  if (dir) process.env.NODE_COMPILE_CACHE = dirname(dir);
}

/** A PDF on the command line: start the parse worker now, so that it loads pdf.js while the rest loads. */
export async function startPdfReaderFor(args) {
  const inputs = args.filter((a, i) => !/^(-o|--output)$/.test(args[i - 1] ?? '') && !/^(-o|--output=)/.test(a));
  if (inputs.some((a) => /\.pdf$/i.test(a))) (await import('../dist/isolate.js')).prewarmParser({ pdf: true });
}
