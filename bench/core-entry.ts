// The floor every JavaScript action pays: @actions/core bundled alone, failing on a missing input like ours does.
import * as core from '@actions/core';

core.setFailed(`input 'domains' is required`);
