// The DOM mirror: hidden, positioned HTML elements kept in step with what the ImGui frame drew,
// so screen readers, keyboard users and browser tests meet real buttons, links, headings,
// inputs, lists and tables (imgui_web.md section 1.4).
//
//   const mirror = new StadsmijnMirror(rootElement, { activate, setText, setNumber, focus });
//   mirror.update(json);   // {"nodes": [{id, role, name, x, y, w, h, parent?, value?, ...}], colours}
//
// Only what changed touches the DOM. Elements keep their ImGui id as key, and follow the frame's
// order, which is reading order, so Tab moves through the app as it reads. The elements draw
// nothing but their focus outline (the canvas below shows the pixels); text fields are real
// inputs that take taps and typing, so phones open their keyboard.
'use strict';
(function () {
  const TAGS = {
    heading: (n) => 'h' + Math.min(3, Math.max(1, n.level || 2)),
    text: () => 'p',
    link: () => 'a',
    button: () => 'button',
    checkbox: () => 'input',
    radio: () => 'button',
    radiogroup: () => 'div',
    slider: () => 'input',
    textbox: () => 'input',
    searchbox: () => 'input',
    list: () => 'ul',
    listitem: () => 'li',
    table: () => 'table',
    row: () => 'tr',
    cell: () => 'td',
    columnheader: () => 'th',
    img: () => 'div',
    status: () => 'div',
    group: () => 'section',
  };
  const IN_TABLE = new Set(['row', 'cell', 'columnheader']);

  class StadsmijnMirror {
    constructor(root, api) {
      this.root = root;
      this.api = api;
      this.elements = new Map(); // id -> element
      root.addEventListener('scroll', () => { root.scrollTop = 0; root.scrollLeft = 0; });
      root.addEventListener('focusin', (event) => {
        const id = Number(event.target.dataset.id);
        if (id) api.focus(id);
      });
      // Whether the last input was a pointer (mouse, touch) or the keyboard: a new screen's
      // heading gets focus either way, but shows its focus ring only to keyboard users.
      this.pointerLast = false;
      document.addEventListener('pointerdown', () => { this.pointerLast = true; }, true);
      document.addEventListener('keydown', () => { this.pointerLast = false; }, true);
      // A tap or click on the canvas leaves a text field, as it would on any page: the phone's
      // keyboard closes and the field shows again what the app holds.
      document.addEventListener('pointerdown', (event) => {
        const active = document.activeElement;
        if (event.target.tagName === 'CANVAS' && active && active.classList.contains('mirror-field')) active.blur();
      }, true);
    }

    // A swipe that starts on a text field scrolls the page like a swipe anywhere else: past a
    // few pixels of vertical movement the touch is handed to the canvas (the app scrolls and
    // flings it) and the field does not take focus.
    forwardSwipes(element) {
      let start = null;
      let forwarding = false;
      const canvas = () => document.getElementById('canvas');
      const pass = (type, touch) => {
        const target = canvas();
        if (!target) return;
        const copy = new Touch({ identifier: touch.identifier, target, clientX: touch.clientX, clientY: touch.clientY,
          screenX: touch.screenX, screenY: touch.screenY, pageX: touch.pageX, pageY: touch.pageY });
        const list = type === 'touchend' || type === 'touchcancel' ? [] : [copy];
        target.dispatchEvent(new TouchEvent(type, { bubbles: true, cancelable: true, touches: list, targetTouches: list,
          changedTouches: [copy] }));
      };
      element.addEventListener('touchstart', (event) => {
        start = event.touches.length === 1 ? event.touches[0] : null;
        forwarding = false;
      }, { passive: true });
      element.addEventListener('touchmove', (event) => {
        if (!start) return;
        const touch = Array.from(event.changedTouches).find((t) => t.identifier === start.identifier);
        if (!touch) return;
        if (!forwarding && Math.abs(touch.clientY - start.clientY) > 8) {
          forwarding = true;
          pass('touchstart', start);
        }
        if (forwarding) {
          event.preventDefault();
          pass('touchmove', touch);
        }
      }, { passive: false });
      const finish = (event) => {
        if (!start) return;
        const touch = Array.from(event.changedTouches).find((t) => t.identifier === start.identifier) || start;
        if (forwarding) {
          event.preventDefault(); // no focus, no keyboard: this was a swipe, not a tap
          pass(event.type, touch);
        }
        start = null;
        forwarding = false;
      };
      element.addEventListener('touchend', finish, { passive: false });
      element.addEventListener('touchcancel', finish, { passive: false });
    }

    create(node) {
      const element = document.createElement(TAGS[node.role] ? TAGS[node.role](node) : 'div');
      element.dataset.id = String(node.id);
      element.dataset.role = node.role;
      const id = node.id;
      switch (node.role) {
        case 'button':
          element.type = 'button';
          element.addEventListener('click', () => this.api.activate(id));
          break;
        case 'radio':
          element.type = 'button';
          element.setAttribute('role', 'radio');
          element.addEventListener('click', () => this.api.activate(id));
          element.addEventListener('keydown', (event) => this.moveInGroup(event, element));
          break;
        case 'radiogroup':
          element.setAttribute('role', 'radiogroup');
          break;
        case 'checkbox':
          element.type = 'checkbox';
          element.addEventListener('change', () => this.api.activate(id));
          break;
        case 'slider':
          element.type = 'range';
          element.addEventListener('input', () => this.api.setNumber(id, Number(element.value)));
          break;
        case 'textbox':
        case 'searchbox':
          element.type = node.role === 'searchbox' ? 'search' : 'text';
          element.autocomplete = 'off';
          element.className = 'mirror-field';
          element.addEventListener('input', () => {
            element.sent = element.value;
            this.api.setText(id, element.value);
          });
          this.forwardSwipes(element);
          break;
        case 'img':
          element.setAttribute('role', 'img');
          break;
        case 'status':
          element.setAttribute('role', 'status');
          break;
        case 'link':
          // An in-app link changes the fragment itself; the app follows the URL (hashchange).
          break;
        default:
          break;
      }
      return element;
    }

    // Arrow keys move the choice within a radio group, as ARIA's radio pattern expects.
    moveInGroup(event, element) {
      const keys = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
      if (!(event.key in keys)) return;
      const radios = Array.from(element.parentElement.querySelectorAll('[role=radio]'));
      const next = radios[(radios.indexOf(element) + keys[event.key] + radios.length) % radios.length];
      event.preventDefault();
      next.focus();
      next.click();
    }

    apply(element, node, previous) {
      const changed = (key) => !previous || previous[key] !== node[key];
      const role = node.role;
      if (!IN_TABLE.has(role) && role !== 'radiogroup' && role !== 'list' && role !== 'group') {
        if (changed('x')) element.style.left = node.x + 'px';
        if (changed('y')) element.style.top = node.y + 'px';
        if (changed('w')) element.style.width = node.w + 'px';
        if (changed('h')) {
          element.style.height = node.h + 'px';
          // Typed text as large as the app's: the field's height is the font's plus its padding
          // (17 + 2 x 10 px at 100 %), both grown with the text size.
          if (role === 'textbox' || role === 'searchbox') {
            const scale = node.h / 37;
            element.style.fontSize = (17 * scale).toFixed(1) + 'px';
            element.style.paddingLeft = element.style.paddingRight = (14 * scale).toFixed(1) + 'px';
          }
        }
      }
      if (!changed('name') && !changed('value') && !changed('checked') && !changed('description') &&
          !changed('disabled') && !changed('number')) return;
      switch (role) {
        case 'link': {
          const target = node.value || '#/';
          element.href = target;
          const external = /^https?:/.test(target);
          if (external) { element.target = '_blank'; element.rel = 'noopener noreferrer'; }
          if (node.checked) element.setAttribute('aria-current', 'page'); else element.removeAttribute('aria-current');
          element.textContent = node.name;
          break;
        }
        case 'radio':
          element.textContent = node.name;
          element.setAttribute('aria-checked', node.checked ? 'true' : 'false');
          this.radiosChanged = true; // rovingRadios() picks the group's Tab stop
          break;
        case 'checkbox':
          element.checked = !!node.checked;
          element.setAttribute('aria-label', node.name);
          break;
        case 'slider':
          element.min = String(node.min);
          element.max = String(node.max);
          element.step = String(node.step || 'any');
          element.value = String(node.number);
          element.setAttribute('aria-label', node.name);
          element.setAttribute('aria-valuetext', node.value || String(node.number));
          break;
        case 'textbox':
        case 'searchbox':
          element.setAttribute('aria-label', node.name);
          element.placeholder = node.description || '';
          if (element.value !== (node.value || '')) {
            // The app's echo of what is being typed is left alone (the caret stays); a value the
            // app set itself (a search cleared after adding, a sent statement) replaces the
            // field's text even while it has focus.
            const echo = document.activeElement === element && (node.value || '') === element.sent &&
              previous && previous.value !== node.value;
            const typing = document.activeElement === element && previous && previous.value === node.value;
            if (!echo && !typing) {
              element.value = node.value || '';
              element.sent = element.value;
            }
          }
          break;
        case 'radiogroup':
        case 'group':
          element.setAttribute('aria-label', node.name);
          break;
        case 'table': {
          let caption = element.querySelector('caption');
          if (!caption) { caption = document.createElement('caption'); element.prepend(caption); }
          caption.textContent = node.name;
          break;
        }
        case 'img':
          element.setAttribute('aria-label', node.name);
          break;
        default:
          element.textContent = node.name;
      }
      if (node.description && role !== 'textbox' && role !== 'searchbox') element.setAttribute('aria-description', node.description);
      else element.removeAttribute('aria-description');
      if ('disabled' in element) element.disabled = !!node.disabled;
    }

    update(json) {
      const page = JSON.parse(json);
      const active = document.activeElement;
      const focusInPage = !active || active === document.body || this.root.contains(active);
      this.root.style.setProperty('--mirror-focus', page.focus);
      this.root.style.setProperty('--mirror-text', page.text);
      const seen = new Set();
      const position = new Map(); // parent element -> next child index
      for (const node of page.nodes) {
        if (!node.id || seen.has(node.id)) continue; // an id drawn twice keeps its first place
        seen.add(node.id);
        let element = this.elements.get(node.id);
        if (element && element.dataset.role !== node.role) { element.remove(); element = undefined; }
        const fresh = !element;
        if (fresh) { element = this.create(node); this.elements.set(node.id, element); }
        this.apply(element, node, fresh ? undefined : element._node);
        element._node = node;

        const parent = (node.parent && this.elements.get(node.parent)) || this.root;
        const offset = parent.tagName === 'TABLE' ? 1 : 0; // after the caption
        const index = (position.get(parent) || 0);
        position.set(parent, index + 1);
        const expected = parent.children[index + offset];
        if (expected !== element) parent.insertBefore(element, expected || null);
      }
      for (const [id, element] of this.elements) {
        if (!seen.has(id)) {
          if (element.dataset.role === 'radio') this.radiosChanged = true;
          element.remove();
          this.elements.delete(id);
        }
      }
      if (this.radiosChanged) this.rovingRadios();
      this.keepFocus(active);
      this.followScreen(page.nodes, focusInPage, page.screen);
    }

    // ARIA's radio pattern: one Tab stop per group, the chosen radio or, with nothing chosen yet,
    // the first one (a group with no choice was unreachable by Tab).
    rovingRadios() {
      this.radiosChanged = false;
      const groups = new Set(Array.from(this.root.querySelectorAll('[role=radio]'), (r) => r.parentElement));
      for (const group of groups) {
        const radios = Array.from(group.children).filter((e) => e.dataset.role === 'radio');
        const stop = radios.find((r) => r.getAttribute('aria-checked') === 'true') || radios[0];
        for (const radio of radios) {
          const tabIndex = radio === stop ? 0 : -1;
          if (radio.tabIndex !== tabIndex) radio.tabIndex = tabIndex;
        }
      }
    }

    // A control that had keyboard focus and was moved, rebuilt, removed or disabled by this update
    // (a vote button while the next statement comes) would leave focus on the page's body, and Tab
    // would start again at the top. Focus goes back to it, or to its successor with the same role
    // and name, as soon as one can take it; any other focus move cancels that.
    keepFocus(before) {
      const now = document.activeElement;
      const onBody = !now || now === document.body;
      // Moving a focused element within the DOM (insertBefore) blurs it too.
      if (onBody && before && before._node) {
        this.lostFocus = { element: before, role: before._node.role, name: before._node.name };
      }
      if (!this.lostFocus) return;
      if (now && now !== document.body) { this.lostFocus = null; return; }
      const same = this.lostFocus.element;
      if (same.isConnected && !same.disabled) {
        this.lostFocus = null;
        same.focus({ preventScroll: true });
        return;
      }
      for (const element of this.elements.values()) {
        const node = element._node;
        if (node && node.role === this.lostFocus.role && node.name === this.lostFocus.name && !element.disabled) {
          this.lostFocus = null;
          element.focus({ preventScroll: true });
          return;
        }
      }
    }

    // A new screen (a link followed, the back button): once its nodes arrive, keyboard focus
    // moves to its main heading, so Tab continues from the top of the new page and a screen
    // reader starts reading there. The app says which screen the nodes were drawn for (the
    // route without its query: a language switch is not a new screen).
    followScreen(nodes, focusInPage, drawn) {
      const screen = drawn || (location.hash || '#/').replace(/\?.*$/, '');
      if (this.screen === undefined) { this.screen = screen; return; }
      if (screen !== this.screen) {
        this.screen = screen;
        this.pendingFocus = focusInPage;
      }
      const mainHeading = nodes.find((n) => n.role === 'heading' && (n.level || 1) === 1);
      if (this.pendingFocus && mainHeading) {
        this.pendingFocus = false;
        const element = this.elements.get(mainHeading.id);
        const now = document.activeElement;
        if (element && (!now || now === document.body || this.root.contains(now))) {
          element.tabIndex = -1;
          element.classList.toggle('quiet-focus', this.pointerLast);
          element.addEventListener('blur', () => element.classList.remove('quiet-focus'), { once: true });
          element.focus({ preventScroll: true });
        }
      }
    }

    // What the mirror shows, for tests: the elements in document order.
    describe() {
      return Array.from(this.root.querySelectorAll('[data-id]')).map((e) => ({ id: Number(e.dataset.id), role: e.dataset.role, tag: e.tagName.toLowerCase() }));
    }
  }
  window.StadsmijnMirror = StadsmijnMirror;
})();
