/** Plume's version, shown by `plume --version` and `GET /api/health`; kept equal to package.json. */
export const VERSION = '0.1.0';
