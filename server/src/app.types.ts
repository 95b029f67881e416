export type { AppInstance } from './platform/modules/module.js';
