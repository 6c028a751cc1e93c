const m = /*#__PURE__*/ process.getBuiltinModule('node:util');
const promisify = /*#__PURE__*/ (() => m.promisify)();

export { promisify as p };
