import Taro from '@tarojs/taro';

export interface ConfirmOptions {
  /** The question, e.g. 确认提交报备？ */
  title: string;
  /** What happens and whether it can be undone. */
  content: string;
  /** The verb of the action (提交, 注销…), at most 4 characters (WeChat's limit). */
  confirmText: string;
  /** What backs out: 取消, or 不取消 when the action itself is a cancellation. */
  cancelText?: string;
  /** Red confirm button for what destroys or cannot be undone. */
  danger?: boolean;
}

const WECHAT_GREEN = '#07c160';
const DANGER_RED = '#fa5151';

/**
 * Asks before an irreversible action; resolves true only when the user confirms. The platform's own modal
 * (WeChat's in the mini program, Taro's drawing of it in the browser): no page state to keep, one call
 * site per action.
 */
export async function confirm({ title, content, confirmText, cancelText = '取消', danger }: ConfirmOptions): Promise<boolean> {
  const shown = Taro.showModal({
    title,
    content,
    confirmText,
    cancelText,
    confirmColor: danger ? DANGER_RED : WECHAT_GREEN,
  });
  if (process.env.TARO_ENV === 'h5') announceModal();
  try {
    return (await shown).confirm;
  } catch {
    return false;
  }
}

/**
 * Taro's browser modal is plain <div>s: give it the roles a screen reader announces (alert dialog with two
 * buttons), let the keyboard reach and press them, and put the focus on confirm (Escape cancels).
 */
function announceModal(): void {
  const modal = Array.from(document.querySelectorAll<HTMLElement>('.taro__modal')).pop();
  if (!modal) return;
  const dialog = modal.querySelector<HTMLElement>('.taro-modal__content');
  const title = modal.querySelector<HTMLElement>('.taro-modal__title');
  const text = modal.querySelector<HTMLElement>('.taro-modal__text');
  const cancel = modal.querySelector<HTMLElement>('.taro-model__cancel');
  const ok = modal.querySelector<HTMLElement>('.taro-model__confirm');
  if (!dialog || !title || !text || !cancel || !ok) return;
  title.id = 'modal-title';
  text.id = 'modal-text';
  Object.entries({ role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': title.id, 'aria-describedby': text.id }).forEach(([k, v]) =>
    dialog.setAttribute(k, v),
  );
  for (const button of [cancel, ok]) {
    button.setAttribute('role', 'button');
    button.tabIndex = 0;
    button.onkeydown = (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        button.click();
      }
      if (e.key === 'Escape') cancel.click();
    };
  }
  ok.focus();
}
