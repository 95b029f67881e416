import path from 'node:path';
import { defineModule } from '../../platform/modules/module.js';
import { filesRoutes } from './files.routes.js';
import { createFilesService, type FilesService } from './files.service.js';
import { databaseFileStore, folderFileStore } from './files.store.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    files: FilesService;
  }
}

export const filesModule = defineModule({
  name: 'files',
  uses: [],
  create(deps) {
    // several instances on one database share the database store; one instance may keep a folder
    const store = deps.config.fileStore === 'database' ? databaseFileStore(deps.db) : folderFileStore(path.join(deps.config.dataDir, 'uploads'));
    const quota = { filesPerDay: deps.config.uploadFilesPerDay, bytesPerDay: deps.config.uploadMegabytesPerDay * 1024 * 1024 };
    return createFilesService({ ...deps, store, quota });
  },
  routes: filesRoutes,
});
