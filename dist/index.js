import { b as isPostStep, r as runPost, c as runMain } from './start-CI8dO1dr.js';

// GitHub runs this file for both the main and the post step; saved state tells which.
await (isPostStep() ? runPost() : runMain());
