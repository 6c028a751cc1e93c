import { b as isPostStep, r as runPost, c as runMain } from './start.js';

// GitHub runs this file for both the main and the post step; saved state tells which.
await (isPostStep() ? runPost() : runMain());
