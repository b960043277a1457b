// Imported first by `npm start`: a Node older than the one the app needs stops the start with a French message,
// before anything else is loaded (newer syntax or APIs would otherwise fail with a stack trace).
export const MINIMUM_NODE = "20.19.0";

/** The French message for a Node older than MINIMUM_NODE, or null when this one will do. */
export function nodeTooOld(version: string): string | null {
  const [major, minor] = version.replace(/^v/, "").split(".").map(Number);
  const [needMajor, needMinor] = MINIMUM_NODE.split(".").map(Number);
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return null;
  return (
    `✘ Tripartite demande Node ${MINIMUM_NODE} ou plus récent ; celui-ci est ${version}. ` +
    `Installez une version à jour (par exemple « nvm install 22 » ou le paquet nodejs de NodeSource), puis relancez npm start.`
  );
}

const message = nodeTooOld(process.version);
if (message) {
  console.error(message);
  process.exit(1);
}
