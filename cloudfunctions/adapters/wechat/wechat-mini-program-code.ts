import type { CloudBase } from '@cloudbase/node-sdk';
import type { MiniProgramCodeRequest, MiniProgramCodes } from '../../app/ports/mini-program-code';

/** WX_MINIPROGRAM_STATE (as subscribe messages name it) to getUnlimited's env_version. */
const ENV_VERSION = { developer: 'develop', trial: 'trial', formal: 'release' } as const;

/** The image as the open API answers it: the bytes, or a Buffer serialized to JSON by the gateway. */
function bytesOf(result: unknown): Buffer | null {
  if (Buffer.isBuffer(result)) return result;
  const serialized = result as { type?: string; data?: number[] } | null;
  if (serialized?.type === 'Buffer' && Array.isArray(serialized.data)) return Buffer.from(serialized.data);
  return null;
}

/**
 * Mini-program codes through CloudBase's 云调用 (`callWxOpenApi`, `wxacode.getUnlimited`: scene, page,
 * check_path, env_version). check_path is off so a code made before a release still opens the page once it
 * is out. A refusal (an errcode) or a failed call is null: the poster then shows the H5 QR and the next
 * poster asks again. Each function's config.json grants the API (scripts/build-functions.ts).
 */
export class WechatMiniProgramCodes implements MiniProgramCodes {
  constructor(
    private readonly app: Pick<CloudBase, 'callWxOpenApi'>,
    private readonly state: keyof typeof ENV_VERSION,
  ) {}

  async codeFor(request: MiniProgramCodeRequest): Promise<Buffer | null> {
    try {
      const answer = (await this.app.callWxOpenApi({
        apiName: 'wxacode.getUnlimited',
        requestData: { scene: request.scene, page: request.page, check_path: false, env_version: ENV_VERSION[this.state] },
      })) as { code?: string; message?: string; result?: unknown };
      const bytes = bytesOf(answer.result);
      if (!bytes) console.warn('[mini-program-code] no image', answer.code ?? '', answer.message ?? '', JSON.stringify(answer.result ?? null).slice(0, 200));
      return bytes;
    } catch (error) {
      console.warn('[mini-program-code] wxacode.getUnlimited failed', error);
      return null;
    }
  }
}
