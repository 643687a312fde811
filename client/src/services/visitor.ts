import { storedToken } from './token';

/**
 * The public visitor's token over HTTP (H5): issued by `openweek.startVisit`, kept in storage, sent in
 * its own header (X-Visitor-Token). In the mini-program the OPENID is the visitor and none is kept.
 */
const visitor = storedToken('visitor-token');
export const readVisitorToken = visitor.read;
export const saveVisitorToken = visitor.save;
export const clearVisitorToken = visitor.clear;
