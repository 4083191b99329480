/* player.js: the Helder learner player.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain JavaScript, no framework and no network: the page HTML comes from
 * the renderer (src/core/helder-renderer.c) and works without this script;
 * the player adds navigation, progress and the interactive blocks. It knows
 * nothing about LMSs: a tracker (scorm.js) may listen to its events and
 * give it a saved state to resume from.
 */
(function () {
  'use strict';

  var config = JSON.parse(document.getElementById('helder-config').textContent);
  var labels = config.labels || {};
  var pages = Array.prototype.slice.call(document.querySelectorAll('.helder-page'));
  var listeners = [];

  function text(key, values) {
    var result = labels[key] || key;
    Object.keys(values || {}).forEach(function (name) {
      result = result.split('{' + name + '}').join(String(values[name]));
    });
    return result;
  }

  function emit(type, detail) {
    listeners.forEach(function (listener) {
      listener(type, detail);
    });
  }

  /* Graded questions in document order: their position is their place in
   * the saved state, so it stays small.
   */
  var questions = Array.prototype.slice.call(document.querySelectorAll('form[data-helder="question"]'));

  var state = {
    current: 0,
    visited: pages.map(function () { return false; }),
    answers: questions.map(function () { return null; }),  /* chosen answers: booleans, or null */
    best: {}                                                 /* test name -> best score */
  };

  function inputsOf(form) {
    return Array.prototype.slice.call(form.querySelectorAll('input'));
  }

  function chosenOf(form) {
    return inputsOf(form).map(function (input) { return input.checked; });
  }

  function rightOf(form) {
    return inputsOf(form).map(function (input) { return input.dataset.correct === 'yes'; });
  }

  function sameChoice(a, b) {
    return a.length === b.length && a.every(function (value, i) { return value === b[i]; });
  }

  function testQuestions(test) {
    return questions.filter(function (form) { return form.dataset.test === test; });
  }

  /* The result of a test once all its questions are answered, else null. */
  function testResult(test) {
    var forms = testQuestions(test);
    var correct = 0;
    if (forms.length === 0) return null;
    for (var i = 0; i < forms.length; i++) {
      var chosen = state.answers[questions.indexOf(forms[i])];
      if (chosen === null) return null;
      if (sameChoice(chosen, rightOf(forms[i]))) correct++;
    }
    var score = Math.round(100 * correct / forms.length);
    var best = Math.max(score, state.best[test] || 0);
    var passMark = config.tracking.pass_mark;
    return {
      test: test,
      correct: correct,
      total: forms.length,
      score: score,
      best: best,
      passed: passMark === null || passMark === undefined || best >= passMark
    };
  }

  function visitedCount() {
    return state.visited.filter(Boolean).length;
  }

  /* Booleans as hexadecimal digits, four to a digit, any length: the
   * visited pages and each set of chosen answers, so no answer set has a
   * size limit and the saved state stays small.
   */
  function toHex(bits) {
    var hex = '';
    for (var i = 0; i < bits.length; i += 4) {
      var nibble = 0;
      for (var b = 0; b < 4; b++) if (bits[i + b]) nibble |= 1 << b;
      hex += nibble.toString(16);
    }
    return hex;
  }

  function fromHex(hex, count) {
    var bits = [];
    for (var i = 0; i < count; i++) {
      var nibble = parseInt(hex.charAt(i >> 2) || '0', 16) || 0;
      bits.push((nibble & (1 << (i & 3))) !== 0);
    }
    return bits;
  }

  /* Compact saved state: "2;<visited pages>;<answers>;<best scores>", the
   * answers "." separated and empty when unanswered. Past @limit
   * characters (SCORM 1.2 keeps 4,096) the answers are left out first,
   * then the visited pages, so the LMS never refuses the whole state.
   */
  function serialize(limit) {
    var answers = state.answers.map(function (chosen) {
      return chosen === null ? '' : toHex(chosen);
    }).join('.');
    var best = Object.keys(state.best).map(function (test) {
      return test + ':' + state.best[test];
    }).join(',');
    var candidates = [
      ['2', toHex(state.visited), answers, best].join(';'),
      ['2', toHex(state.visited), '', best].join(';'),
      ['2', '', '', best].join(';')
    ];
    for (var i = 0; i < candidates.length; i++) {
      if (!limit || candidates[i].length <= limit) return candidates[i];
    }
    return '';
  }

  function restoreAnswer(index, chosen) {
    state.answers[index] = chosen;
    inputsOf(questions[index]).forEach(function (input, n) { input.checked = chosen[n]; });
  }

  /* Reads the state of serialize(), and of the first format, which kept
   * answers as base-36 bit masks.
   */
  function deserialize(data) {
    var parts = String(data || '').split(';');
    if ((parts[0] !== '1' && parts[0] !== '2') || parts.length !== 4) return false;
    state.visited = fromHex(parts[1], pages.length);
    parts[2].split('.').forEach(function (value, index) {
      if (index >= questions.length || value === '') return;
      var count = inputsOf(questions[index]).length;
      if (parts[0] === '2') {
        if (/^[0-9a-f]+$/.test(value)) restoreAnswer(index, fromHex(value, count));
        return;
      }
      var mask = parseInt(value, 36);
      if (isNaN(mask)) return;
      restoreAnswer(index, inputsOf(questions[index]).map(function (input, n) {
        return n < 31 && (mask & (1 << n)) !== 0;
      }));
    });
    parts[3].split(',').forEach(function (entry) {
      var pair = entry.split(':');
      if (pair.length === 2 && !isNaN(parseInt(pair[1], 10))) state.best[pair[0]] = parseInt(pair[1], 10);
    });
    return true;
  }

  /* ---- navigation ---- */

  var nav = document.querySelector('.helder-nav');
  var previous = nav.querySelector('.helder-previous');
  var next = nav.querySelector('.helder-next');
  var position = nav.querySelector('.helder-position');
  var bar = document.querySelector('.helder-progress-bar');

  function show(index, moveFocus) {
    index = Math.max(0, Math.min(pages.length - 1, index));
    pages.forEach(function (page, i) { page.hidden = i !== index; });
    state.current = index;
    var firstVisit = !state.visited[index];
    state.visited[index] = true;
    var page = pages[index];
    if (page.style.getPropertyValue('--helder-accent')) {
      document.documentElement.style.setProperty('--helder-accent', page.style.getPropertyValue('--helder-accent'));
    }
    previous.disabled = index === 0;
    next.disabled = index === pages.length - 1;
    position.textContent = text('progress', { n: index + 1, total: pages.length });
    bar.style.width = (100 * visitedCount() / pages.length) + '%';
    markContents();
    if (moveFocus) {
      var heading = page.querySelector('h1, h2') || document.getElementById('helder-main');
      heading.setAttribute('tabindex', '-1');
      heading.focus();
      window.scrollTo(0, 0);
    }
    emit('page', { index: index, id: page.dataset.page, firstVisit: firstVisit });
  }

  /* ---- the Contents menu ---- */

  var contents = document.getElementById('helder-contents');
  var menu = nav.querySelector('.helder-menu');
  var links = Array.prototype.slice.call(contents.querySelectorAll('a[data-page]'));

  links.forEach(function (link) {
    var mark = withIcon('span', 'helder-seen', '\u2713', '');
    mark.appendChild(element('span', 'helder-visually-hidden', ' (' + text('seen') + ')'));
    mark.hidden = true;
    link.appendChild(mark);
  });

  function markContents() {
    links.forEach(function (link, i) {
      if (i === state.current) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
      link.querySelector('.helder-seen').hidden = !state.visited[i];
    });
  }

  /* On a phone the menu is a drawer over the page: Close, Escape or a
   * choice closes it and gives the focus back; Tab stays inside while it
   * is open.
   */
  var close = element('button', 'helder-close', text('close_contents'));
  close.type = 'button';
  contents.insertBefore(close, contents.firstChild);
  var inDrawer = [close].concat(links);

  function setMenuOpen(open, focusMenu) {
    contents.classList.toggle('is-open', open);
    document.documentElement.classList.toggle('helder-menu-open', open);
    menu.setAttribute('aria-expanded', String(open));
    if (open) {
      (links[state.current] || close).focus();
    } else if (focusMenu) {
      menu.focus();
    }
  }

  function menuIsDrawer() {
    return window.getComputedStyle(menu).display !== 'none';
  }

  menu.addEventListener('click', function () {
    setMenuOpen(!contents.classList.contains('is-open'), true);
  });
  close.addEventListener('click', function () { setMenuOpen(false, true); });
  contents.addEventListener('keydown', function (event) {
    if (!contents.classList.contains('is-open')) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      setMenuOpen(false, true);
      return;
    }
    var at = inDrawer.indexOf(document.activeElement);
    if (event.key !== 'Tab' || at < 0) return;
    var to = at + (event.shiftKey ? -1 : 1);
    if (to < 0 || to >= inDrawer.length) {
      event.preventDefault();
      inDrawer[(to + inDrawer.length) % inDrawer.length].focus();
    }
  });
  links.forEach(function (link, i) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      if (menuIsDrawer()) setMenuOpen(false, false);
      show(i, true);
    });
  });

  previous.addEventListener('click', function () { show(state.current - 1, true); });
  next.addEventListener('click', function () { show(state.current + 1, true); });

  /* ---- interactive blocks ---- */

  function setFeedback(container, message) {
    var region = container.querySelector('.helder-feedback');
    region.textContent = message;
  }

  /* Authors often begin an answer's feedback with a verdict of their own
   * ("Goed! ...", "Nee. ..."): the player gives the verdict once, so that
   * first word goes.
   */
  var authorVerdict = new RegExp('^\\s*(?:' + (labels.verdict_words || '(?!)') + ')\\s*[.!,:]\\s*', 'i');

  function explanation(input) {
    var feedback = input.dataset.feedback || '';
    var rest = feedback.replace(authorVerdict, '');
    return rest === feedback ? feedback : rest.charAt(0).toUpperCase() + rest.slice(1);
  }

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    node.textContent = content;
    return node;
  }

  /* An element with an icon before its text: the icon is for the eye,
   * the text says the same for a screen reader.
   */
  function withIcon(tag, className, symbol, content) {
    var node = element(tag, className, '');
    var icon = element('span', 'helder-icon', symbol);
    icon.setAttribute('aria-hidden', 'true');
    node.appendChild(icon);
    node.appendChild(document.createTextNode(content));
    return node;
  }

  /* The verdict, once, with an icon as well as a colour; then the
   * author's explanation. A verdict of null leaves the verdict out.
   */
  function showVerdict(form, verdict, lines) {
    var region = form.querySelector('.helder-feedback');
    region.textContent = '';
    form.classList.remove('is-correct', 'is-partial', 'is-incorrect');
    if (verdict) {
      var symbol = { correct: '\u2713', partial: '\u25D1', incorrect: '\u2717' }[verdict];
      region.appendChild(withIcon('p', 'helder-verdict', symbol, text(verdict)));
      form.classList.add('is-' + verdict);
    }
    lines.forEach(function (content) { if (content) region.appendChild(element('p', null, content)); });
  }

  /* Each chosen option's feedback by that option. */
  function showOptionFeedback(form, right) {
    form.querySelectorAll('.helder-option-feedback').forEach(function (node) { node.remove(); });
    inputsOf(form).forEach(function (input, i) {
      input.removeAttribute('aria-describedby');
      if (!input.checked || !input.dataset.feedback) return;
      var note = withIcon('p', 'helder-option-feedback ' + (right[i] ? 'is-right' : 'is-wrong'),
                          right[i] ? '\u2713' : '\u2717', explanation(input));
      note.id = input.id + '-feedback';
      input.setAttribute('aria-describedby', note.id);
      input.parentNode.appendChild(note);
    });
  }

  /* correct, partial (some of several right answers, none wrong) or incorrect. */
  function verdictOf(chosen, right) {
    var hits = 0;
    var misses = 0;
    chosen.forEach(function (on, i) {
      if (on && right[i]) hits++;
      if (on && !right[i]) misses++;
    });
    if (sameChoice(chosen, right)) return { verdict: 'correct', hits: hits };
    return { verdict: hits > 0 && misses === 0 ? 'partial' : 'incorrect', hits: hits };
  }

  function checkFeedback(form, chosen, right) {
    var result = verdictOf(chosen, right);
    var several = right.filter(Boolean).length > 1;
    var lines = [];
    if (several && result.verdict !== 'correct') {
      lines.push(text('right_count', { n: result.hits, total: right.filter(Boolean).length }));
    }
    if (several) {
      showOptionFeedback(form, right);
    } else {
      inputsOf(form).forEach(function (input) { if (input.checked) lines.push(explanation(input)); });
    }
    showVerdict(form, result.verdict, lines);
  }

  /* What a learner reads when a test is complete: the pre-test is a
   * warming-up without a pass mark or a grade; the post-test gives the
   * score and the pass mark.
   */
  function testMessage(result) {
    var count = text('test_count', { n: result.correct, total: result.total });
    if (result.test !== 'post') {
      return count + (testQuestions('post').length > 0 ? ' ' + text('pre_next') : '');
    }
    var passMark = config.tracking.pass_mark;
    if (passMark === null || passMark === undefined) return count;
    return count + ' ' + text('test_result', { score: result.score, pass: passMark }) + ' ' +
      text(result.passed ? 'test_passed' : 'test_failed');
  }

  function setupQuiz(form) {
    var graded = form.dataset.helder === 'question';
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var chosen = chosenOf(form);
      var right = rightOf(form);
      if (chosen.indexOf(true) < 0) {
        showVerdict(form, null, [text('choose')]);
        return;
      }
      if (!graded) {
        checkFeedback(form, chosen, right);
        return;
      }
      var index = questions.indexOf(form);
      state.answers[index] = chosen;
      emit('answer', {
        id: form.dataset.id,
        test: form.dataset.test,
        question: form.querySelector('legend').textContent,
        chosen: chosen.map(function (on, i) { return on ? i : -1; }).filter(function (i) { return i >= 0; }),
        correctAnswers: right.map(function (on, i) { return on ? i : -1; }).filter(function (i) { return i >= 0; }),
        correct: sameChoice(chosen, right)
      });
      var lines = [text('answered')];
      var result = testResult(form.dataset.test);
      if (result) {
        state.best[result.test] = result.best;
        lines.push(testMessage(result));
        emit('test', result);
      }
      showVerdict(form, null, lines);
    });
  }

  function setupSurvey(form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var value;
      if (form.dataset.kind === 'open') {
        value = form.querySelector('textarea').value.trim();
      } else {
        var checked = form.querySelector('input:checked');
        value = checked ? checked.value : '';
      }
      if (value === '') {
        setFeedback(form, text('choose'));
        return;
      }
      emit('survey', { id: form.dataset.id, kind: form.dataset.kind, value: value });
      setFeedback(form, text('sent'));
    });
  }

  function setupScenario(block) {
    var choices = Array.prototype.slice.call(block.querySelectorAll('.helder-choice'));
    choices.forEach(function (choice) {
      choice.setAttribute('aria-pressed', 'false');
      choice.addEventListener('click', function () {
        choices.forEach(function (other) { other.setAttribute('aria-pressed', String(other === choice)); });
        setFeedback(block, choice.dataset.feedback || '');
      });
    });
  }

  var tabsCount = 0;
  function setupTabs(block) {
    var panels = Array.prototype.slice.call(block.querySelectorAll('.helder-panel'));
    var list = document.createElement('div');
    list.setAttribute('role', 'tablist');
    var tabs = panels.map(function (panel, i) {
      var heading = panel.querySelector('.helder-panel-title');
      var tab = document.createElement('button');
      tab.type = 'button';
      tab.id = 'helder-tab-' + (++tabsCount);
      tab.setAttribute('role', 'tab');
      tab.textContent = heading.textContent;
      tab.setAttribute('aria-controls', heading.id + '-panel');
      panel.id = heading.id + '-panel';
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', tab.id);
      panel.setAttribute('tabindex', '0');
      heading.classList.add('helder-visually-hidden');
      tab.addEventListener('click', function () { select(i, false); });
      list.appendChild(tab);
      return tab;
    });
    function select(index, focus) {
      tabs.forEach(function (tab, i) {
        tab.setAttribute('aria-selected', String(i === index));
        tab.tabIndex = i === index ? 0 : -1;
        panels[i].hidden = i !== index;
      });
      if (focus) tabs[index].focus();
    }
    list.addEventListener('keydown', function (event) {
      var current = tabs.indexOf(document.activeElement);
      var target = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (target === undefined || current < 0) return;
      event.preventDefault();
      select((target + tabs.length) % tabs.length, true);
    });
    block.insertBefore(list, block.firstChild);
    select(0, false);
  }

  function setupSteps(block) {
    var steps = Array.prototype.slice.call(block.children);
    var controls = document.createElement('div');
    controls.className = 'helder-step-controls';
    var back = document.createElement('button');
    var forward = document.createElement('button');
    var status = document.createElement('p');
    back.type = forward.type = 'button';
    back.textContent = text('previous_step');
    forward.textContent = text('next_step');
    status.setAttribute('role', 'status');
    controls.appendChild(back);
    controls.appendChild(status);
    controls.appendChild(forward);
    block.parentNode.insertBefore(controls, block.nextSibling);
    var current = 0;
    function go(index) {
      current = index;
      steps.forEach(function (step, i) { step.hidden = i !== index; });
      back.disabled = index === 0;
      forward.disabled = index === steps.length - 1;
      status.textContent = text('step', { n: index + 1, total: steps.length });
    }
    back.addEventListener('click', function () { go(current - 1); });
    forward.addEventListener('click', function () { go(current + 1); });
    go(0);
  }

  function setupFlashcards(block) {
    Array.prototype.slice.call(block.querySelectorAll('.helder-card')).forEach(function (card) {
      var front = card.querySelector('.helder-card-front');
      var back = card.querySelector('.helder-card-back');
      var turn = document.createElement('button');
      turn.type = 'button';
      turn.textContent = text('turn');
      turn.setAttribute('aria-pressed', 'false');
      back.hidden = true;
      turn.addEventListener('click', function () {
        var turned = back.hidden;
        back.hidden = !turned;
        front.hidden = turned;
        turn.setAttribute('aria-pressed', String(turned));
      });
      card.appendChild(turn);
    });
  }

  /* Everything after a "continue" block stays hidden until the learner
   * chooses it; the next continue block is revealed with that part.
   */
  function setupContinue(block) {
    var hidden = [];
    for (var node = block.nextElementSibling; node; node = node.nextElementSibling) {
      if (!node.hidden) {
        node.hidden = true;
        hidden.push(node);
      }
      if (node.dataset.helder === 'continue') break;
    }
    block.querySelector('button').addEventListener('click', function () {
      hidden.forEach(function (node) { node.hidden = false; });
      block.hidden = true;
      if (hidden.length > 0) {
        hidden[0].setAttribute('tabindex', '-1');
        hidden[0].focus();
      }
    });
  }

  var setups = {
    check: setupQuiz,
    question: setupQuiz,
    survey: setupSurvey,
    scenario: setupScenario,
    tabs: setupTabs,
    steps: setupSteps,
    flashcards: setupFlashcards
  };

  function setupBlocks(root) {
    Array.prototype.slice.call(root.querySelectorAll('[data-helder]')).forEach(function (block) {
      if (setups[block.dataset.helder]) setups[block.dataset.helder](block);
    });
    /* Last to first, so that each continue block hides only its own part. */
    Array.prototype.slice.call(root.querySelectorAll('[data-helder="continue"]')).reverse().forEach(setupContinue);
  }

  /* The author's preview puts a page it has edited in place of the old
   * one: no reload, so nothing flickers or scrolls, and the answers given
   * on the other pages stay. Returns false when there is no such page.
   */
  function replacePage(id, html) {
    var index = pages.map(function (page) { return page.dataset.page; }).indexOf(id);
    if (index < 0) return false;
    var template = document.createElement('template');
    template.innerHTML = html.trim();
    var fresh = template.content.firstElementChild;
    if (!fresh || fresh.dataset.page !== id) return false;

    var oldQuestions = questions;
    var oldAnswers = state.answers;
    fresh.hidden = pages[index].hidden;
    pages[index].parentNode.replaceChild(fresh, pages[index]);
    pages[index] = fresh;
    questions = Array.prototype.slice.call(document.querySelectorAll('form[data-helder="question"]'));
    state.answers = questions.map(function (form) {
      var old = oldQuestions.indexOf(form);
      return old >= 0 ? oldAnswers[old] : null;
    });
    setupBlocks(fresh);
    return true;
  }

  /* "Verder waar je was?": asked on a relaunch that would not start at
   * the first page. Either choice keeps the pages seen and the answers;
   * "Opnieuw beginnen" only goes back to the first page.
   */
  function askResume(index) {
    var dialog = document.createElement('dialog');
    dialog.className = 'helder-resume-dialog';
    dialog.setAttribute('aria-labelledby', 'helder-resume-title');
    dialog.setAttribute('aria-describedby', 'helder-resume-text');
    var title = element('p', 'helder-resume-title', text('resume_title'));
    title.id = 'helder-resume-title';
    var body = element('p', null, text('resume_text'));
    body.id = 'helder-resume-text';
    var actions = document.createElement('div');
    actions.className = 'helder-resume-actions';
    [['resume', index], ['restart', 0]].forEach(function (choice) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'helder-' + choice[0];
      button.textContent = text(choice[0]);
      button.addEventListener('click', function () {
        dialog.close();
        dialog.remove();
        show(choice[1], true);
      });
      actions.appendChild(button);
    });
    dialog.appendChild(title);
    dialog.appendChild(body);
    dialog.appendChild(actions);
    /* Escape keeps the learner where they were. */
    dialog.addEventListener('cancel', function (event) {
      event.preventDefault();
      actions.firstChild.click();
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    actions.firstChild.focus();
  }

  function start() {
    document.documentElement.classList.add('helder-js');
    setupBlocks(document);
    nav.hidden = false;
    var saved = player.tracker && player.tracker.start ? player.tracker.start() : null;
    var ids = pages.map(function (page) { return page.dataset.page; });
    var index = 0;
    if (saved) {
      deserialize(saved.data);
      var found = ids.indexOf(saved.location);
      if (found >= 0) index = found;
    }
    /* A link (or the author's preview) can open a page: #page=ID, and
     * #page=ID&y=PIXELS to come back to the same place after a reload.
     */
    var wanted = /^#page=([^&]+)(?:&y=(\d+))?$/.exec(window.location.hash);
    var wantedId = null;
    /* A malformed link ("%E0%A4%A") opens the first page, like an unknown id. */
    try {
      wantedId = wanted ? decodeURIComponent(wanted[1]) : null;
    } catch (e) {
      wanted = null;
    }
    if (wantedId !== null && ids.indexOf(wantedId) >= 0) {
      index = ids.indexOf(wantedId);
    } else if (index > 0) {
      show(index, false);
      askResume(index);
      return;
    }
    show(index, false);
    /* At once, not smoothly: a reload must look as if nothing moved. */
    if (wanted && wanted[2]) {
      window.scrollTo({ top: parseInt(wanted[2], 10), left: 0, behavior: 'instant' });
    }
  }

  var player = {
    config: config,
    tracker: null,
    pageCount: pages.length,
    visitedCount: visitedCount,
    testResult: testResult,
    currentPage: function () { return pages[state.current].dataset.page; },
    serialize: serialize,
    show: function (index) { show(index, true); },
    replacePage: replacePage,
    on: function (listener) { listeners.push(listener); }
  };
  window.HelderPlayer = player;

  /* Deferred scripts run before DOMContentLoaded: waiting for it lets a
   * tracker loaded after this script register first.
   */
  if (document.readyState === 'complete') {
    start();
  } else {
    document.addEventListener('DOMContentLoaded', start);
  }
})();
