#!/usr/bin/env node
/** The parse-spec command (see parse-command.ts). */
import { runCli } from './common.js';
import { parseSpecCommand } from './parse-command.js';

runCli('parse-spec', parseSpecCommand);
