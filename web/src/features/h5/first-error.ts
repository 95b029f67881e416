import { prefersReducedMotion } from '../../app/reduced-motion';

/**
 * Brings the first message under a field of the phone's form into sight. On a long form (我要点单, the
 * volunteer's application) 提交 sits far below 分类 and 标题: a message under them, from the form's own
 * rules or from the server, appeared off-screen and the tap seemed to do nothing. Two frames later,
 * so the message is drawn; in the middle of the screen, above the keyboard a focused field may raise.
 */
export function scrollToFirstError(): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const first = document.querySelector('.adm-form-item-feedback-error');
      const item = first?.closest('.adm-list-item') ?? first;
      item?.scrollIntoView({ block: 'center', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    }),
  );
}
