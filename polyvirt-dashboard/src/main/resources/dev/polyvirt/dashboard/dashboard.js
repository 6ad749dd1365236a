// polyvirt dashboard: the New run page — pick, upload or edit a spec, run it and follow its progress
// (server-sent events). Plain browser APIs only: the page loads nothing from the network.
(function () {
  'use strict';
  var form = document.getElementById('run-form');
  if (!form) return;
  var spec = document.getElementById('spec');
  var name = document.getElementById('name');
  var problems = document.getElementById('problems');
  var progress = document.getElementById('progress');
  var status = document.getElementById('status');
  var button = document.getElementById('run');

  function showProblems(text) {
    problems.textContent = text;
    problems.hidden = !text;
  }

  document.getElementById('picker').addEventListener('change', function (e) {
    var path = e.target.value;
    if (!path) return;
    fetch('/api/spec?path=' + encodeURIComponent(path)).then(function (res) {
      return res.text().then(function (text) {
        if (res.ok) { spec.value = text; name.value = path; showProblems(''); } else { showProblems(text); }
      });
    });
  });

  document.getElementById('upload').addEventListener('change', function (e) {
    var file = e.target.files[0];
    if (!file) return;
    file.text().then(function (text) { spec.value = text; name.value = file.name; showProblems(''); });
  });

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    showProblems('');
    button.disabled = true;
    status.textContent = 'checking the spec…';
    fetch('/api/runs?name=' + encodeURIComponent(name.value || 'dashboard.yaml'), {
      method: 'POST', headers: {'Content-Type': 'text/plain; charset=utf-8', 'X-Polyvirt-Run': '1'}, body: spec.value
    }).then(function (res) {
      if (!res.ok) {
        return res.text().then(function (text) {
          showProblems(text);
          status.textContent = 'not run (HTTP ' + res.status + ')';
          button.disabled = false;
        });
      }
      return res.json().then(follow);
    }).catch(function (err) {
      showProblems(String(err));
      button.disabled = false;
    });
  });

  function follow(job) {
    progress.max = Math.max(1, job.total);
    progress.value = 0;
    progress.hidden = false;
    status.textContent = '0 / ' + job.total;
    var events = new EventSource('/api/jobs/' + encodeURIComponent(job.job) + '/events');
    events.addEventListener('progress', function (m) {
      var p = JSON.parse(m.data);
      progress.value = p.done;
      status.textContent = p.done + ' / ' + p.total + ' simulations' + (p.last ? ' — last: ' + p.last : '');
    });
    events.addEventListener('done', function (m) {
      events.close();
      var run = JSON.parse(m.data).run;
      status.textContent = 'done: run ' + run;
      window.location.href = '/runs/' + encodeURIComponent(run);
    });
    events.addEventListener('failed', function (m) {
      events.close();
      showProblems(JSON.parse(m.data).message);
      status.textContent = 'failed';
      button.disabled = false;
    });
  }
})();
