#!/usr/bin/env node
/** The diff-spec command (see diff-command.ts). */
import { runCli } from './common.js';
import { diffSpecCommand } from './diff-command.js';

runCli('diff-spec', diffSpecCommand);
