// A web-test-runner plugin: starts the reference rewards server (TypeScript, loaded through
// tsx) when the test run starts and stops it at the end. Tests reach it through server
// commands (`executeServerCommand` from '@web/test-runner-commands', wrapped in
// test/browser/support/server.ts):
//   rewards:server       → { url }
//   rewards:token        { memberId, ttlSeconds? } → { token }
//   rewards:new-member   { displayName?, coins? } → { memberId, token }
//   rewards:shop         { method, args } → { ok: true, value } | { ok: false, error }
//                        (a call of the real shop client, e.g. method 'sendEvent')
import { tsImport } from 'tsx/esm/api';

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function rewardsServerPlugin() {
  /** @type {Promise<import('./reference-server.ts').ReferenceServer> | undefined} */
  let starting;
  /** @type {string[]} */
  let origins = [];

  const server = () => {
    starting ??= tsImport('./reference-server.ts', import.meta.url).then((module) => module.startReferenceServer({ allowedOrigins: origins }));
    return starting;
  };

  return {
    name: 'rewards-reference-server',

    async serverStart({ config }) {
      const protocol = config.http2 ? 'https' : 'http';
      origins = [...new Set([config.hostname ?? 'localhost', 'localhost', '127.0.0.1'])].map((host) => `${protocol}://${host}:${config.port}`);
      await server();
    },

    async serverStop() {
      if (starting) await (await starting).close();
    },

    async executeCommand({ command, payload }) {
      if (!command.startsWith('rewards:')) return undefined;
      const running = await server();
      switch (command) {
        case 'rewards:server':
          return { url: running.url };
        case 'rewards:token':
          return { token: await running.signToken(payload.memberId, payload.ttlSeconds) };
        case 'rewards:new-member':
          return running.newMember(payload ?? {});
        case 'rewards:shop': {
          const method = running.shop[payload.method];
          if (typeof method !== 'function') throw new Error(`the shop client has no method ${payload.method}`);
          try {
            return { ok: true, value: (await method(...(payload.args ?? []))) ?? null };
          } catch (error) {
            const { code, status, detail } = /** @type {any} */ (error);
            return { ok: false, error: { code: code ?? 'unknown', status: status ?? null, detail: detail ?? String(error) } };
          }
        }
        default:
          throw new Error(`unknown command ${command}`);
      }
    },
  };
}
