import { z } from 'zod';
import { defineAction } from './define';
import { id } from './fields';
import { filingDraftContent } from './filing-content';
import { campaignView, collectiveView, filingView } from './filing-views';

/** The `filing` function: the collective's side — its profile, plan and achievements for a campaign. */
export const filing = {
  getMine: defineAction({
    summary: '本集体在某届创建工作中的报备（不传 campaignId 时为最新一届），含状态、反馈意见和历史',
    input: z.object({ campaignId: id('创建工作').optional() }),
    output: z.object({ campaign: campaignView.nullable(), collective: collectiveView, filing: filingView.nullable() }),
    roles: ['collective'],
  }),
  saveDraft: defineAction({
    summary: '保存草稿：可随时保存，内容可不完整；报备截止后不能保存',
    input: z.object({ campaignId: id('创建工作'), content: filingDraftContent }),
    output: z.object({ filing: filingView }),
    roles: ['collective'],
  }),
  submit: defineAction({
    summary: '提交报备（或退回后重新提交）：保存内容并严格校验，一次列出所有缺漏和不符合条件之处',
    input: z.object({ campaignId: id('创建工作'), content: filingDraftContent }),
    output: z.object({ filing: filingView }),
    roles: ['collective'],
  }),
};
