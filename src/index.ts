// GitHub runs this file for both the main and the post step; saved state tells which.
import { runMain } from './action/main.js';
import { runPost } from './action/post.js';
import { isPostStep } from './action/state.js';

await (isPostStep() ? runPost() : runMain());
