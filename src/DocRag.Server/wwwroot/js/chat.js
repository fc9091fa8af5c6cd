// The chat view: ask, stream the answer over SSE (fetch + ReadableStream), cite, stop.
import { $, el, replace } from './dom.js';
import { apiFetch, ProblemError } from './api.js';
import { readEvents } from './sse.js';
import { fileName, renderAnswerText, where } from './answer.js';
import { openPassage } from './passage.js';
import { problemNodes } from './problem.js';
import { fillCollectionSelect, onCollections } from './collections.js';
import { formatSeconds, languageName } from './format.js';

const NO_ANSWER_REASONS = {
  'no-passages': 'Nothing in the documents matched the question.',
  'below-relevance-floor': 'The passages found were not relevant enough to answer from.',
  'not-in-documents': 'The model read the passages and found no answer in them.',
  'no-matching-sentences': 'No sentence of the passages shares words with the question.',
  'not-relevant': 'The passages found do not cover the question.',
};

let controller = null;
let turns = 0;

export function initChat() {
  const form = $('#ask-form');
  const question = $('#question');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = question.value.trim();
    if (!text || controller) return;
    question.value = '';
    ask(text);
  });
  question.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  $('#stop-button').addEventListener('click', () => controller?.abort());
  onCollections((list) => fillCollectionSelect($('#collection-filter'), list));
}

/** Reflects what the server can do: notices in the chat, and search modes that need an embedding model. */
export function showCapabilities(models) {
  const notice = $('#chat-notice');
  const lines = [];
  if (models.answerMode === 'extractive') {
    lines.push('No generator model: answers are extractive (the matching sentences of the documents, quoted).');
  }
  if (models.searchMode === 'keyword') {
    lines.push('No embedding model: search is by keyword only.');
  }
  replace(notice, lines.map((line) => el('p', {}, line)), lines.length ? el('a', { href: '#models' }, 'See Models') : null);
  notice.hidden = lines.length === 0;
  const keywordOnly = models.searchMode === 'keyword';
  for (const option of $('#search-mode').options) {
    if (option.value === 'vector' || option.value === 'hybrid') {
      option.disabled = keywordOnly;
      option.textContent = `${option.value === 'vector' ? 'Vector' : 'Hybrid'}${keywordOnly ? ' (needs an embedding model)' : ''}`;
    }
  }
  if (keywordOnly && $('#search-mode').selectedOptions[0]?.disabled) $('#search-mode').value = '';
}

async function ask(text) {
  const turn = new Turn(text);
  controller = new AbortController();
  setBusy(true);
  const body = { question: text, stream: true };
  const searchMode = $('#search-mode').value;
  const collection = $('#collection-filter').value;
  if (searchMode) body.searchMode = searchMode;
  if (collection) body.collection = collection;
  try {
    const response = await apiFetch('/v1/ask', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
    if (!(response.headers.get('Content-Type') ?? '').startsWith('text/event-stream')) {
      turn.finish(await response.json());
      return;
    }
    let finished = false;
    for await (const event of readEvents(response.body)) {
      const data = JSON.parse(event.data);
      if (event.event === 'token') turn.append(data.text);
      else if (event.event === 'citations') turn.cite(data.citations);
      else if (event.event === 'done') {
        turn.finish(data);
        finished = true;
      } else if (event.event === 'error') {
        turn.fail(new ProblemError(data, data.status));
        finished = true;
      }
    }
    if (!finished) turn.fail(new ProblemError({ title: 'The answer ended early', detail: 'The connection closed before the answer was complete.', code: 'network' }, 0));
  } catch (error) {
    if (error.name === 'AbortError') turn.stopped();
    else turn.fail(error);
  } finally {
    controller = null;
    setBusy(false);
  }
}

function setBusy(busy) {
  $('#stop-button').disabled = !busy;
  $('#ask-button').disabled = busy;
  $('#ask-form').setAttribute('aria-busy', String(busy));
}

/** One question and its answer on screen. */
class Turn {
  constructor(question) {
    turns += 1;
    this.text = '';
    this.citations = [];
    this.pending = false;
    $('#conversation-empty')?.remove();
    this.badges = el('div', { className: 'badges' }, el('span', { className: 'badge working' }, 'Answering…'));
    this.body = el('div', { className: 'answer-text' });
    this.notice = el('div', { className: 'answer-notice', hidden: true });
    this.sources = el('div', { className: 'sources', hidden: true });
    this.footer = el('p', { className: 'answer-footer', hidden: true });
    this.answer = el('div', { className: 'answer', 'aria-live': 'polite', 'aria-busy': 'true' },
      el('h3', { className: 'visually-hidden' }, 'Answer'), this.badges, this.body, this.notice, this.sources, this.footer);
    this.node = el('article', { className: 'turn', 'aria-label': `Question ${turns}` },
      el('div', { className: 'question' }, el('h2', { className: 'visually-hidden' }, `Question ${turns}`), el('p', {}, question)),
      this.answer);
    $('#conversation').append(this.node);
    toBottom();
  }

  append(piece) {
    this.text += piece;
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.render();
    });
  }

  cite(citations) {
    this.citations = citations;
    this.render();
  }

  finish(answer) {
    const stick = atBottom();
    this.text = answer.text ?? this.text;
    this.citations = answer.citations ?? this.citations;
    this.mode = answer.mode;
    this.noAnswer = answer.noAnswer;
    this.answer.lang = ['en', 'es'].includes(answer.language) ? answer.language : '';
    const badges = [];
    // A no-answer quotes nothing and generated nothing worth a badge of its own: it is shown as what it is.
    if (answer.noAnswer) badges.push(el('span', { className: 'badge no-answer' }, 'No answer in the documents'));
    else if (answer.mode === 'extractive') {
      badges.push(el('span', { className: 'badge extractive', title: 'Quoted from the documents; no generator model wrote it' }, 'Extractive: quoted passages'));
    } else {
      badges.push(el('span', { className: 'badge generative' }, answer.model ? `Generated by ${answer.model}` : 'Generated'));
      if (answer.unsupported) {
        badges.push(el('span', { className: 'badge unsupported', title: 'No cited passage shares the answer\'s key terms: check the sources' }, 'Not supported by its sources'));
      }
    }
    replace(this.badges, badges);
    this.answer.dataset.mode = answer.mode ?? '';
    this.answer.dataset.noAnswer = String(Boolean(answer.noAnswer));
    if (answer.noAnswer) {
      // The no-answer sentence is a notice, not an answer.
      replace(this.notice,
        el('p', { className: 'no-answer-text' }, this.text),
        el('p', { className: 'reason' }, answer.noAnswerDetail
          ? `${NO_ANSWER_REASONS[answer.noAnswerReason] ?? 'The documents do not contain the answer.'} (${answer.noAnswerDetail})`
          : NO_ANSWER_REASONS[answer.noAnswerReason] ?? 'The documents do not contain the answer.'));
      this.notice.hidden = false;
    }
    this.render();
    const facts = [
      answer.searchMode && `${answer.searchMode} search`,
      answer.passages !== undefined && `${answer.passages} passage${answer.passages === 1 ? '' : 's'}`,
      answer.language && answer.language !== 'other' && `question in ${languageName(answer.language)}`,
      answer.usage?.outputTokens ? `${answer.usage.outputTokens} tokens` : null,
      answer.timings?.totalMs !== undefined && formatSeconds(answer.timings.totalMs),
    ].filter(Boolean);
    this.footer.textContent = facts.join(' · ');
    this.footer.hidden = facts.length === 0;
    this.done(stick);
  }

  stopped() {
    const stick = atBottom();
    replace(this.badges, el('span', { className: 'badge stopped' }, 'Stopped'));
    replace(this.notice, el('p', {}, this.text ? 'You stopped this answer; what came so far is shown.' : 'You stopped this answer before it began.'));
    this.notice.hidden = false;
    this.render();
    this.done(stick);
  }

  fail(error) {
    const stick = atBottom();
    replace(this.badges, el('span', { className: 'badge failed' }, 'Failed'));
    replace(this.notice, el('div', { className: 'problem', role: 'alert' }, problemNodes(error)));
    this.notice.hidden = false;
    this.render();
    this.done(stick);
  }

  done(stick) {
    this.answer.setAttribute('aria-busy', 'false');
    this.node.classList.add('complete');
    if (stick) toBottom();
  }

  /** Re-renders the text and sources; keeps following the answer if the reader was at the bottom. */
  render() {
    const stick = atBottom();
    this.draw();
    if (stick) toBottom();
  }

  draw() {
    const quoted = this.mode === 'extractive' && !this.noAnswer;
    if (this.noAnswer) {
      this.body.replaceChildren();
    } else {
      renderAnswerText(this.body, this.text.trim(), { citations: this.citations, onCite: openPassage, quoted });
    }
    this.renderSources();
  }

  renderSources() {
    if (!this.citations.length) {
      this.sources.hidden = true;
      return;
    }
    replace(this.sources,
      el('h4', {}, 'Sources'),
      el('ol', {}, this.citations.map((c) => el('li', { value: c.n },
        el('button', { type: 'button', className: 'source', dataset: { n: c.n }, onclick: () => openPassage(c) },
          el('span', { className: 'source-n' }, `[${c.n}]`), ' ',
          el('span', { className: 'source-title' }, c.title || fileName(c.path)),
          el('span', { className: 'source-where' }, where(c))),
        // An extractive answer already quotes the passage; the snippet would repeat it.
        c.snippet && this.mode !== 'extractive' ? el('p', { className: 'snippet' }, c.snippet) : null))));
    this.sources.hidden = false;
  }
}

/** Whether the conversation is scrolled to (near) its end: then new text keeps it there; a reader who scrolled up stays put. */
function atBottom() {
  const scroller = $('#main');
  return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 80;
}

function toBottom() {
  const scroller = $('#main');
  scroller.scrollTop = scroller.scrollHeight;
}
