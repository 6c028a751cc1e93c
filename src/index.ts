// GitHub runs this file for both the main and the post step; saved state tells which.
import { runMain } from './main.js';
import { runPost } from './post.js';
import { isPostStep } from './state.js';

await (isPostStep() ? runPost() : runMain());
