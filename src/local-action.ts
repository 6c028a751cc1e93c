// Entry point for GitHub's @github/local-action, which runs the TypeScript sources (not dist/) with the toolkit
// stubbed and wants a `run` export: `npx local-action . src/local-action.ts .env`. Not part of the bundle.
export { runMain as run } from './action/main.js';
