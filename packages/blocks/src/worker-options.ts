/**
 * The Node options a worker thread of ours is started with: the process's own, less those that
 * only describe its entry script. A worker inherits them, and `--input-type` (a script given on
 * standard input or to --eval) makes Node refuse to start a worker from a file.
 */
export function workerExecArgv(argv: readonly string[] = process.execArgv): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i]!.startsWith('--input-type=')) continue;
    if (argv[i] === '--input-type') i++;
    else out.push(argv[i]!);
  }
  return out;
}
