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
    answers: questions.map(function () { return null; }),  /* bit mask of chosen answers */
    best: {}                                                 /* test name -> best score */
  };

  function inputsOf(form) {
    return Array.prototype.slice.call(form.querySelectorAll('input'));
  }

  function maskOf(form) {
    return inputsOf(form).reduce(function (mask, input, i) {
      return input.checked ? mask | (1 << i) : mask;
    }, 0);
  }

  function correctMask(form) {
    return inputsOf(form).reduce(function (mask, input, i) {
      return input.dataset.correct === 'yes' ? mask | (1 << i) : mask;
    }, 0);
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
      var mask = state.answers[questions.indexOf(forms[i])];
      if (mask === null) return null;
      if (mask === correctMask(forms[i])) correct++;
    }
    var score = Math.round(100 * correct / forms.length);
    var best = Math.max(score, state.best[test] || 0);
    var passMark = config.tracking.pass_mark;
    return {
      test: test,
      score: score,
      best: best,
      passed: passMark === null || passMark === undefined || best >= passMark
    };
  }

  function visitedCount() {
    return state.visited.filter(Boolean).length;
  }

  /* Compact saved state: "1;<visited pages in hex>;<answers>;<best scores>".
   * Answers are bit masks in base 36, "." separated, empty when unanswered.
   */
  function serialize() {
    var hex = '';
    for (var i = 0; i < state.visited.length; i += 4) {
      var nibble = 0;
      for (var b = 0; b < 4; b++) if (state.visited[i + b]) nibble |= 1 << b;
      hex += nibble.toString(16);
    }
    var answers = state.answers.map(function (mask) {
      return mask === null ? '' : mask.toString(36);
    }).join('.');
    var best = Object.keys(state.best).map(function (test) {
      return test + ':' + state.best[test];
    }).join(',');
    return ['1', hex, answers, best].join(';');
  }

  function deserialize(data) {
    var parts = String(data || '').split(';');
    if (parts[0] !== '1' || parts.length !== 4) return false;
    for (var i = 0; i < state.visited.length; i++) {
      var nibble = parseInt(parts[1].charAt(i >> 2) || '0', 16) || 0;
      state.visited[i] = (nibble & (1 << (i & 3))) !== 0;
    }
    parts[2].split('.').forEach(function (value, index) {
      if (index >= questions.length || value === '') return;
      var mask = parseInt(value, 36);
      if (isNaN(mask)) return;
      state.answers[index] = mask;
      inputsOf(questions[index]).forEach(function (input, n) {
        input.checked = (mask & (1 << n)) !== 0;
      });
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
    if (moveFocus) {
      var heading = page.querySelector('h1, h2') || document.getElementById('helder-main');
      heading.setAttribute('tabindex', '-1');
      heading.focus();
      window.scrollTo(0, 0);
    }
    emit('page', { index: index, id: page.dataset.page, firstVisit: firstVisit });
  }

  previous.addEventListener('click', function () { show(state.current - 1, true); });
  next.addEventListener('click', function () { show(state.current + 1, true); });

  /* ---- interactive blocks ---- */

  function setFeedback(container, message) {
    var region = container.querySelector('.helder-feedback');
    region.textContent = message;
  }

  function setupQuiz(form) {
    var graded = form.dataset.helder === 'question';
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var mask = maskOf(form);
      if (mask === 0) {
        setFeedback(form, text('choose'));
        return;
      }
      var correct = mask === correctMask(form);
      var feedback = inputsOf(form).filter(function (input) {
        return input.checked && input.dataset.feedback;
      }).map(function (input) { return input.dataset.feedback; }).join(' ');
      if (!graded) {
        form.classList.toggle('is-correct', correct);
        form.classList.toggle('is-incorrect', !correct);
        setFeedback(form, text(correct ? 'correct' : 'incorrect') + (feedback ? ' ' + feedback : ''));
        return;
      }
      var index = questions.indexOf(form);
      state.answers[index] = mask;
      var message = text('answered');
      emit('answer', {
        id: form.dataset.id,
        test: form.dataset.test,
        question: form.querySelector('legend').textContent,
        chosen: inputsOf(form).map(function (input, i) { return input.checked ? i : -1; }).filter(function (i) { return i >= 0; }),
        correctAnswers: inputsOf(form).map(function (input, i) { return input.dataset.correct === 'yes' ? i : -1; }).filter(function (i) { return i >= 0; }),
        correct: correct
      });
      var result = testResult(form.dataset.test);
      if (result) {
        state.best[result.test] = result.best;
        message += ' ' + text('test_result', {
          score: result.score,
          pass: config.tracking.pass_mark === null ? '-' : config.tracking.pass_mark
        });
        if (result.test === 'post') message += ' ' + text(result.passed ? 'test_passed' : 'test_failed');
        emit('test', result);
      }
      setFeedback(form, message);
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
      var heading = panel.querySelector('h3');
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
