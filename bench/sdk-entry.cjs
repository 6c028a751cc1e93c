// Bundled alone by the bench: the official CAS SDK, for a side-by-side size.
module.exports = require('@alicloud/cas20200407');
