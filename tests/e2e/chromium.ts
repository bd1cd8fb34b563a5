// The finder lives with the command-line tools so that source never imports tests (lint rule).
export { CHROMIUM_ARGS, findChromium } from '../../src/cli/chromium';
