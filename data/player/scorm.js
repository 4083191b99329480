/* scorm.js: reports the player's progress to a SCORM 1.2 or 2004 LMS.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finds the LMS API by walking window.parent (at most 500 levels), then
 * window.opener and its parents. Without an LMS it does nothing, so the
 * same package also runs from file://. Status mapping follows Rise
 * (docs: ../shared/reference/rise-scorm.md, section 5):
 *   passed-*:    the end is reached -> 1.2 "passed"; 2004 completed + passed
 *   completed-*: the end is reached -> 1.2 "completed"; 2004 completed
 *   *-failed:    a finished post-test below the pass mark -> 1.2 "failed";
 *                2004 success "failed" (unless the learner already passed)
 *   otherwise "incomplete". A reported passed/completed never goes back.
 * The end is reached when pages_percent of the pages were viewed
 * (completion "pages") or when the post-test is passed (completion "test").
 */
(function () {
  'use strict';

  var player = window.HelderPlayer;
  if (!player) return;

  var version = player.config.lms === 'scorm2004' ? '2004' : '1.2';
  var apiName = version === '2004' ? 'API_1484_11' : 'API';

  function scan(win) {
    for (var level = 0; win && level <= 500; level++) {
      try {
        if (win[apiName]) return win[apiName];
      } catch (error) {
        return null; /* a frame of another origin */
      }
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }

  var api = scan(window);
  if (!api && window.opener) api = scan(window.opener);
  if (!api) return;

  var cmi = version === '2004' ? {
    initialize: function () { return api.Initialize(''); },
    get: function (name) { return api.GetValue(name); },
    set: function (name, value) { return api.SetValue(name, String(value)); },
    commit: function () { return api.Commit(''); },
    finish: function () { return api.Terminate(''); },
    location: 'cmi.location',
    suspend: 'cmi.suspend_data',
    exit: 'cmi.exit',
    sessionTime: 'cmi.session_time',
    score: 'cmi.score.'
  } : {
    initialize: function () { return api.LMSInitialize(''); },
    get: function (name) { return api.LMSGetValue(name); },
    set: function (name, value) { return api.LMSSetValue(name, String(value)); },
    commit: function () { return api.LMSCommit(''); },
    finish: function () { return api.LMSFinish(''); },
    location: 'cmi.core.lesson_location',
    suspend: 'cmi.suspend_data',
    exit: 'cmi.core.exit',
    sessionTime: 'cmi.core.session_time',
    score: 'cmi.core.score.'
  };

  var tracking = player.config.tracking;
  var started = new Date();
  var finished = false;
  var status = 'incomplete';   /* incomplete, completed, passed or failed */
  var score = null;

  function pad(number, width) {
    var result = String(number);
    while (result.length < width) result = '0' + result;
    return result;
  }

  function sessionTime() {
    var seconds = Math.round((new Date() - started) / 1000);
    var h = Math.floor(seconds / 3600);
    var m = Math.floor(seconds / 60) % 60;
    var s = seconds % 60;
    if (version === '2004') return 'PT' + h + 'H' + m + 'M' + s + 'S';
    return pad(h, 4) + ':' + pad(m, 2) + ':' + pad(s, 2);
  }

  function timestamp() {
    var now = new Date();
    var time = pad(now.getHours(), 2) + ':' + pad(now.getMinutes(), 2) + ':' + pad(now.getSeconds(), 2);
    if (version === '1.2') return time;
    return now.getFullYear() + '-' + pad(now.getMonth() + 1, 2) + '-' + pad(now.getDate(), 2) + 'T' + time;
  }

  function isFinal(value) {
    return value === 'passed' || value === 'completed';
  }

  function reachedEnd() {
    if (tracking.completion === 'test') {
      var post = player.testResult('post');
      return Boolean(post && post.passed);
    }
    return 100 * player.visitedCount() / player.pageCount >= tracking.pages_percent;
  }

  function wantedStatus() {
    var reporting = tracking.reporting || 'completed-incomplete';
    var post = player.testResult('post');
    if (isFinal(status)) return status;
    if (reachedEnd()) {
      /* "passed" with a score below the pass mark would contradict the
       * score: an LMS may then overrule the status. */
      var passed = reporting.indexOf('passed') === 0 && !(post && !post.passed);
      return passed ? 'passed' : 'completed';
    }
    if (/-failed$/.test(reporting) && post && !post.passed) return 'failed';
    return 'incomplete';
  }

  /* The LMS gets a value only when it differs from what it has. Values
   * that matter (status, score, answers, pages seen) are committed at
   * once; the location alone waits for the next commit or for the
   * learner leaving, so a page turn without changes does not commit.
   */
  var written = {};
  var dirty = false;
  var urgent = false;

  function set(name, value, matters) {
    value = String(value);
    if (written[name] === value) return;
    written[name] = value;
    cmi.set(name, value);
    dirty = true;
    if (matters !== false) urgent = true;
  }

  function commit(always) {
    if (!dirty || (!urgent && !always)) return;
    dirty = urgent = false;
    cmi.commit();
  }

  function writeStatus(value) {
    if (version === '1.2') {
      set('cmi.core.lesson_status', value);
      return;
    }
    set('cmi.completion_status', isFinal(value) ? 'completed' : 'incomplete');
    if (value === 'passed' || value === 'failed') set('cmi.success_status', value);
  }

  /* SCORM 1.2 keeps at most 4,096 characters of suspend_data. */
  var suspendLimit = version === '1.2' ? 4096 : 64000;

  function update() {
    var post = player.testResult('post');
    if (post && post.best !== score) {
      score = post.best;
      set(cmi.score + 'min', 0);
      set(cmi.score + 'max', 100);
      set(cmi.score + 'raw', score);
      if (version === '2004') set('cmi.score.scaled', (score / 100).toFixed(2));
    }
    var wanted = wantedStatus();
    if (wanted !== status) {
      status = wanted;
      writeStatus(status);
    }
    set(cmi.location, player.currentPage(), false);
    set(cmi.suspend, player.serialize(suspendLimit));
    if (version === '2004') {
      set('cmi.progress_measure', (player.visitedCount() / player.pageCount).toFixed(2));
    }
  }

  /* Answer identifiers: a-z, then 0-9 (what SCORM 1.2 allows, so 36
   * answers), then in 2004 "a37", "a38"... An answer 1.2 cannot name is
   * left out of the response; the result still says right or wrong.
   */
  function letters(indices) {
    return indices.map(function (i) {
      if (i < 26) return String.fromCharCode(97 + i);
      if (i < 36) return String(i - 26);
      return version === '2004' ? 'a' + (i + 1) : null;
    }).filter(function (id) { return id !== null; });
  }

  function addInteraction(fields) {
    var n = parseInt(cmi.get('cmi.interactions._count'), 10) || 0;
    var prefix = 'cmi.interactions.' + n + '.';
    Object.keys(fields).forEach(function (name) {
      if (fields[name] !== undefined) cmi.set(prefix + name, fields[name]);
    });
    dirty = urgent = true;
  }

  function recordAnswer(answer) {
    var chosen = letters(answer.chosen);
    var correct = letters(answer.correctAnswers);
    addInteraction(version === '2004' ? {
      id: answer.id,
      type: 'choice',
      description: answer.question.slice(0, 250),
      'objectives.0.id': answer.test + '-test',
      timestamp: timestamp(),
      'correct_responses.0.pattern': correct.join('[,]'),
      learner_response: chosen.join('[,]'),
      result: answer.correct ? 'correct' : 'incorrect'
    } : {
      id: answer.id,
      'objectives.0.id': answer.test + '-test',
      time: timestamp(),
      type: 'choice',
      'correct_responses.0.pattern': correct.join(','),
      student_response: chosen.join(','),
      result: answer.correct ? 'correct' : 'wrong'
    });
  }

  function recordSurvey(survey) {
    var likert = survey.kind === 'likert';
    var response = likert ? survey.value : survey.value.slice(0, version === '2004' ? 4000 : 255);
    var fields = { id: survey.id, type: likert ? 'likert' : (version === '2004' ? 'long-fill-in' : 'fill-in') };
    fields[version === '2004' ? 'timestamp' : 'time'] = timestamp();
    fields[version === '2004' ? 'learner_response' : 'student_response'] = response;
    fields.result = 'neutral';
    addInteraction(fields);
  }

  function leave() {
    if (finished) return;
    finished = true;
    update();
    /* Always "suspend", also when the course is complete: with a normal
     * exit an LMS may start a new attempt with no saved state, and a
     * learner who comes back would find an empty first page. */
    cmi.set(cmi.exit, 'suspend');
    cmi.set(cmi.sessionTime, sessionTime());
    cmi.commit();
    cmi.finish();
  }

  player.tracker = {
    start: function () {
      if (String(cmi.initialize()) !== 'true') return null;
      var previous = version === '2004'
        ? (cmi.get('cmi.success_status') === 'passed' ? 'passed'
          : cmi.get('cmi.completion_status') === 'completed' ? 'completed' : '')
        : cmi.get('cmi.core.lesson_status');
      if (isFinal(previous)) status = previous;
      if (version === '1.2' && (previous === 'not attempted' || previous === '')) {
        writeStatus('incomplete');
      } else if (version === '2004' && cmi.get('cmi.completion_status') !== 'completed') {
        writeStatus(status);
      }
      var data = cmi.get(cmi.suspend);
      written[cmi.suspend] = data;
      written[cmi.location] = cmi.get(cmi.location);
      return data ? { location: written[cmi.location], data: data } : null;
    }
  };

  player.on(function (type, detail) {
    if (finished) return;
    if (type === 'answer') recordAnswer(detail);
    if (type === 'survey') recordSurvey(detail);
    update();
    commit(false);
  });

  /* A page kept in the back/forward cache may come back: it commits but
   * stays initialized when hidden that way, and finishes only when it
   * is really unloaded. A page that did finish reloads, which starts a
   * new LMS session with the saved state.
   */
  window.addEventListener('pagehide', function (event) {
    if (event.persisted) {
      update();
      commit(true);
    } else {
      leave();
    }
  });
  window.addEventListener('pageshow', function (event) {
    if (event.persisted && finished) window.location.reload();
  });
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden' && !finished) {
      update();
      commit(true);
    }
  });
})();
