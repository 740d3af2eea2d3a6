#!/usr/bin/env node
// The parse-spec command. Its code is built into dist/ (pnpm build, or prepack before publishing); this
// file is part of the sources so that installing the workspace can link the command before
// the build has run.
import '../dist/cli/parse-spec.js';
