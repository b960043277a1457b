// The HTTP port of `npm start`: 3000 by default, or the next free one (said in the output). A port chosen with
// PORT is kept as given: when it is taken, the start stops with a French message rather than listen elsewhere
// (scripts and tests that set PORT then wait on that very port).
import net from "node:net";
import { StartError } from "./embedded-postgres";

export const DEFAULT_PORT = 3000;

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.once("listening", () => probe.close(() => resolve(true)));
    probe.listen(port); // every interface, as `next start` does
  });
}

export async function choosePort(fromEnv: string | undefined, log: (line: string) => void): Promise<number> {
  if (fromEnv !== undefined && fromEnv !== "") {
    const port = Number(fromEnv);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new StartError(`PORT=${fromEnv} n'est pas un numéro de port (1 à 65535).`);
    if (!(await isPortFree(port))) {
      throw new StartError(`Le port ${port} (PORT) est déjà pris par un autre programme. Choisissez-en un autre, par exemple : PORT=${port + 1} npm start`);
    }
    return port;
  }
  for (let port = DEFAULT_PORT; port < DEFAULT_PORT + 50; port++) {
    if (await isPortFree(port)) {
      if (port !== DEFAULT_PORT) log(`▸ Le port ${DEFAULT_PORT} est déjà pris : Tripartite utilisera le port ${port}.`);
      return port;
    }
  }
  throw new StartError(`Aucun port libre entre ${DEFAULT_PORT} et ${DEFAULT_PORT + 49}. Choisissez-en un : PORT=8080 npm start`);
}
