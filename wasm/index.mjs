// cscmd for ES modules: import { load } from '@web1on1/cscmd'; const cscmd = await load();
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cscmd = require('./index.js');

export const load = cscmd.load;
export default cscmd;
