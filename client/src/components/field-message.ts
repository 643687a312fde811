/**
 * Messages of the contract name their field ("负责人：请填写") so that they read alone in a toast or an API
 * response. Under the field itself the label is already shown, so only the rule is: "请填写".
 */
export function ruleOf(message: string): string {
  const colon = message.indexOf('：');
  return colon > 0 && colon <= 24 ? message.slice(colon + 1) : message;
}
