/** Reusable parts of `npm run package`: settings, manifest validation, icon checks, zip build. */
export { AppPackageError, buildAppPackage, type BuildOptions, type BuildResult } from './build';
export { checkColorIcon, checkOutlineIcon, COLOR_ICON_SIZE, OUTLINE_ICON_SIZE } from './icons';
export {
  bundledManifestVersions,
  fillPlaceholders,
  listPlaceholders,
  loadBundledSchema,
  validateManifest,
} from './manifest';
export {
  deriveTeamsAppId,
  LOCAL_BOT_DOMAIN,
  LOCAL_BOT_ID,
  normaliseDomain,
  REQUIRED_IN_STRICT,
  resolveSettings,
  SettingsError,
  uuidV5,
  type PackageSettings,
  type ResolvedSettings,
} from './settings';
