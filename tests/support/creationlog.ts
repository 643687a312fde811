import type { Caller } from '../../cloudfunctions/app/context';
import type { SignedIn, TestApp } from './harness';

/** A real (1×1) PNG: what a phone's album would hand over. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** What a collective types for an entry that may be submitted: the work of 2018-11-18, under 志愿服务. */
export const completeContent = (overrides: Record<string, unknown> = {}) => ({
  title: '公交一路青年志愿服务日',
  workDate: '2018-11-18',
  text: '班组青年在公交站台开展志愿服务，为乘客指路、帮扶老人上下车，共服务乘客三百余人次。',
  category: 'volunteer',
  ...overrides,
});

/**
 * What the device does with a picked image: asks where to put it and its thumbnail, and writes both there itself
 * (`Taro.cloud.uploadFile` or `PUT /files/<path>`; here through the same file storage). Answers the addresses
 * `checkImage` takes.
 */
export async function putImage(app: TestApp, caller: Caller, bytes: { image?: Buffer; thumbnail?: Buffer } = {}): Promise<{ url: string; thumbnailUrl: string }> {
  const { cloudPath, thumbnailPath } = await app.ok('creationlog', 'imageUploadPath', { contentType: 'image/png', thumbnailType: 'image/png' }, caller);
  return {
    url: await app.deps.files!.save(cloudPath, bytes.image ?? PNG, 'image/png'),
    thumbnailUrl: await app.deps.files!.save(thumbnailPath, bytes.thumbnail ?? PNG, 'image/png'),
  };
}

/** An image put into storage by `caller` with its thumbnail and checked by the server: the address an entry names. */
export async function uploadImage(app: TestApp, caller: Caller): Promise<string> {
  return (await app.ok('creationlog', 'checkImage', await putImage(app, caller), caller)).image.url;
}

/** A draft with the content given, saved by `caller`. */
export async function draft(app: TestApp, caller: Caller, content: Record<string, unknown> = completeContent()) {
  return (await app.ok('creationlog', 'saveDraft', { content }, caller)).entry;
}

/** An entry written and submitted by `caller` (with one uploaded image). */
export async function submitted(app: TestApp, caller: Caller, overrides: Record<string, unknown> = {}) {
  const image = await uploadImage(app, caller);
  const entry = await draft(app, caller, completeContent({ images: [image], ...overrides }));
  return (await app.ok('creationlog', 'submit', { entryId: entry.id, version: entry.version }, caller)).entry;
}

/** The newest campaign: entries are logged under it. */
export async function campaignIdOf(app: TestApp, caller: Caller): Promise<string> {
  const { items } = await app.ok('campaign', 'listCampaigns', {}, caller);
  return items[0].id;
}

/**
 * Signs everyone in again after the test's clock moved past the sessions' 12 hours (their tokens are
 * replaced in place, so the hierarchy's callers keep working).
 */
export async function signInAgain(app: TestApp, people: SignedIn[]): Promise<void> {
  for (const who of people) {
    const { token } = await app.ok('account', 'signIn', { code: who.code, password: who.password });
    who.token = token;
    who.caller.token = token;
  }
}

/**
 * What the phone does with a video in the mini-program: asks where to put it and writes the bytes there itself
 * (`Taro.cloud.uploadFile`; here through the same file storage). The answer is the address `checkVideo` takes.
 */
export async function putVideo(app: TestApp, caller: Caller, bytes: Buffer): Promise<string> {
  const { cloudPath } = await app.ok('creationlog', 'videoUploadPath', {}, caller);
  return app.deps.files!.save(cloudPath, bytes, 'video/mp4');
}

/** A video put into storage by `caller` and checked by the server: the address an entry names. */
export async function checkedVideo(app: TestApp, caller: Caller, bytes: Buffer): Promise<string> {
  const url = await putVideo(app, caller, bytes);
  return (await app.ok('creationlog', 'checkVideo', { url }, caller)).video.url;
}
