import { z } from 'zod';
import { MAX_TAGS, type Rating } from '../domain/evaluation/rules';

/** The public code of a collective's page: what links and QR codes carry. */
export const publicCode = z
  .string({ error: '集体编号：缺少' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]{4,32}$/, '集体编号：格式不正确');

/** One of the five levels, 5 = 非常满意 … 1 = 非常不满意. */
export const ratingField = z
  .number({ error: '满意程度：请选择' })
  .int('满意程度：请选择')
  .min(1, '满意程度：请选择')
  .max(5, '满意程度：请选择')
  .transform((r) => r as Rating);

/** Aspect tags, checked against the campaign's list by the use case. */
export const tagsField = z.array(z.string().trim().min(1).max(20), { error: '评价方面：格式不正确' }).max(MAX_TAGS, `评价方面：最多选${MAX_TAGS}项`).default([]);
