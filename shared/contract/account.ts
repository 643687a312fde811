import { z } from 'zod';
import { defineAction } from './define';
import { email, password, text } from './fields';
import { accountView } from './views';
import { isStrongPassword, PASSWORD_RULE } from '../domain/password-policy';

const newPassword = password('新密码').refine(isStrongPassword, `新密码：${PASSWORD_RULE}`);
const recoveryAnswer = z.object({ message: z.string() });

/** The `account` function: sign-in, sessions, passwords and recovery for every account holder. */
export const account = {
  signIn: defineAction({
    summary: '用户名密码登录；在小程序中同时绑定当前微信',
    input: z.object({ code: text('用户名', { max: 32 }), password: password('密码') }),
    output: z.object({ token: z.string(), expiresAt: z.string(), account: accountView }),
    roles: ['public'],
  }),
  me: defineAction({
    summary: '当前登录的帐号（未登录为 null）',
    input: z.object({}),
    output: z.object({ account: accountView.nullable() }),
    roles: ['public'],
    beforePasswordChange: true,
  }),
  signOut: defineAction({
    summary: '退出登录；在小程序中解除当前微信的绑定',
    input: z.object({}),
    output: z.object({}),
    roles: ['office', 'admin1', 'admin2', 'admin3', 'collective'],
    beforePasswordChange: true,
  }),
  changePassword: defineAction({
    summary: '修改密码（需当前密码）；首次登录必须先修改初始密码',
    input: z
      .object({ oldPassword: password('当前密码'), newPassword })
      .refine((v) => v.oldPassword !== v.newPassword, { path: ['newPassword'], message: '新密码：不能与当前密码相同' }),
    output: z.object({ account: accountView }),
    roles: ['office', 'admin1', 'admin2', 'admin3', 'collective'],
    beforePasswordChange: true,
  }),
  setRecoveryEmail: defineAction({
    summary: '设置保密邮箱（需当前密码）',
    input: z.object({ email: email('保密邮箱'), password: password('当前密码') }),
    output: z.object({ account: accountView }),
    roles: ['office', 'admin1', 'admin2', 'admin3', 'collective'],
  }),
  requestCodeReminder: defineAction({
    summary: '找回帐号：把用户名发送到保密邮箱（页面上不显示）',
    input: z.object({ email: email('保密邮箱') }),
    output: recoveryAnswer,
    roles: ['public'],
  }),
  requestPasswordReset: defineAction({
    summary: '找回密码：把30分钟内有效的一次性重置链接发送到保密邮箱',
    input: z.object({ email: email('保密邮箱') }),
    output: recoveryAnswer,
    roles: ['public'],
  }),
  resetPassword: defineAction({
    summary: '用重置链接设置新密码',
    input: z.object({ token: text('重置链接', { max: 256 }), newPassword }),
    output: z.object({ code: z.string() }),
    roles: ['public'],
  }),
};
