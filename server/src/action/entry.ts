// The committed bundle (dist/elb-lens.js): the CLI, run directly (the pre-commit hook) or
// required by dist/action.js (the GitHub Action). One bundle for both keeps one copy of the
// analysis in the repository.
import { isCheckWorker } from '../cli/parallel';
import { main } from '../cli/main';

export { main };
export { actionMain } from './main';

if (require.main === module && !isCheckWorker()) main();
