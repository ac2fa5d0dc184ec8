// 附件: the citizen form's file picker (docs/attachments.md). Each file gets an upload slot (a presigned POST),
// is downscaled in the browser first when it is a large photo (longest side 2560 px, so a village 3G line
// copes), goes straight to storage with per-file progress (XHR upload events), and is then checked by the
// server (state pending → ready or refused). Retry and removal per file; the form sends the ready ids.
import { api } from './api.js';
import { h, replace } from './dom.js';

export const MAX_FILES = 6;
const MAX_SIDE = 2560;
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic'];
const PDF = 'application/pdf';
const MB = 1024 * 1024;

const REFUSALS = {
  UPLOAD_TYPE_NOT_ALLOWED: '仅支持 JPEG、PNG、WebP、HEIC 照片或 PDF 文件',
  UPLOAD_TOO_LARGE: '文件过大：照片最大 10 MB，PDF 最大 20 MB',
};

/** A random id for one form's uploads (the X-Upload-Draft header). */
export function newDraftId() {
  return crypto.randomUUID ? crypto.randomUUID() : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function declaredType(file) {
  if (file.type) return file.type;
  const name = file.name.toLowerCase();
  if (name.endsWith('.heic') || name.endsWith('.heif')) return 'image/heic';
  if (name.endsWith('.pdf')) return PDF;
  return '';
}

/** A photo larger than MAX_SIDE re-drawn to fit (JPEG); anything else as it is. */
export async function downscaled(file) {
  const type = declaredType(file);
  if (!['image/jpeg', 'image/png', 'image/webp'].includes(type) || typeof createImageBitmap !== 'function') return file;
  let bitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file; // the server decides (and refuses what is not an image)
  }
  const side = Math.max(bitmap.width, bitmap.height);
  if (side <= MAX_SIDE) {
    bitmap.close?.();
    return file;
  }
  const scale = MAX_SIDE / side;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close?.();
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  return blob ? new File([blob], file.name.replace(/\.\w+$/, '') + '.jpg', { type: 'image/jpeg' }) : file;
}

/** POSTs the form to the presigned URL with upload progress; resolves on 2xx. */
export function postForm(slot, file, onProgress) {
  return new Promise((resolve, reject) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(slot.fields)) data.append(name, value);
    data.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', slot.url);
    xhr.upload.addEventListener('progress', (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); });
    xhr.addEventListener('load', () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new Error('HTTP ' + xhr.status))));
    xhr.addEventListener('error', () => reject(new Error('network')));
    xhr.send(data);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The picker inside `container`. options: town, purpose ('photo-or-pdf' or 'id-proof'), accept (input accept
 * attribute), label, inputId, max (files), draftId (shared by the pickers of one form).
 */
export class AttachmentPicker {
  #items = [];
  #draft;

  constructor(container, options) {
    this.container = container;
    this.#draft = options.draftId || newDraftId();
    this.max = options.max || MAX_FILES;
    this.town = options.town;
    this.purpose = options.purpose || 'photo-or-pdf';
    this.input = h('input', { type: 'file', id: options.inputId || 'attachment-files', multiple: true, accept: options.accept || 'image/*,application/pdf', class: 'file-input' });
    this.input.addEventListener('change', () => {
      this.add([...this.input.files]);
      this.input.value = '';
    });
    this.list = h('ul', { class: 'attachments', 'aria-live': 'polite' });
    this.count = h('p', { class: 'hint' });
    replace(container,
      h('label', { class: 'file-button secondary', for: this.input.id }, options.label || '＋ 添加照片或 PDF'),
      this.input, this.count, this.list);
    this.#render();
  }

  get draftId() {
    return this.#draft;
  }

  /** Ids of the files ready to attach. */
  readyIds() {
    return this.#items.filter((i) => i.state === 'ready').map((i) => i.uploadId);
  }

  /** Whether some file is still on its way (the form waits or asks). */
  busy() {
    return this.#items.some((i) => i.state === 'uploading' || i.state === 'checking');
  }

  /** After ATTACHMENTS_NOT_ACCEPTED: each refused file shows its message. */
  showProblems(files) {
    for (const f of files || []) {
      const item = this.#items.find((i) => i.uploadId === f.uploadId);
      if (item) {
        item.state = 'refused';
        item.message = f.message;
      }
    }
    this.#render();
  }

  /** After a case was filed: a fresh draft. */
  reset(draftId) {
    for (const i of this.#items) if (i.preview) URL.revokeObjectURL(i.preview);
    this.#items = [];
    this.#draft = draftId || newDraftId();
    this.#render();
  }

  add(files) {
    for (const file of files) {
      if (this.#items.length >= this.max) break;
      const item = { file, name: file.name, state: 'uploading', progress: 0, message: '', uploadId: null, preview: null };
      this.#items.push(item);
      this.#start(item);
    }
    this.#render();
  }

  remove(item) {
    this.#items = this.#items.filter((i) => i !== item);
    if (item.preview) URL.revokeObjectURL(item.preview);
    this.#render();
  }

  retry(item) {
    item.state = 'uploading';
    item.progress = 0;
    item.message = '';
    this.#start(item);
    this.#render();
  }

  async #start(item) {
    try {
      const file = await downscaled(item.file);
      const type = declaredType(file);
      if (type.startsWith('image/') && !item.preview) {
        item.preview = URL.createObjectURL(file);
        this.#render();
      }
      if (!PHOTO_TYPES.includes(type) && type !== PDF) throw Object.assign(new Error(REFUSALS.UPLOAD_TYPE_NOT_ALLOWED), { final: true });
      if (file.size > (type === PDF ? 20 : 10) * MB) throw Object.assign(new Error(REFUSALS.UPLOAD_TOO_LARGE), { final: true });
      const { data: slot } = await api(`/api/v1/towns/${encodeURIComponent(this.town)}/uploads`, {
        method: 'POST',
        body: { purpose: this.purpose, contentType: type, size: file.size },
        headers: { 'X-Upload-Draft': this.#draft },
      });
      item.uploadId = slot.uploadId;
      await postForm(slot, file, (p) => {
        item.progress = p;
        this.#render();
      });
      item.progress = 1;
      item.state = 'checking';
      this.#render();
      for (let attempt = 0; attempt < 20; attempt++) {
        const { data } = await api(`/api/v1/towns/${encodeURIComponent(this.town)}/uploads/${item.uploadId}`, {
          headers: { 'X-Upload-Draft': this.#draft },
        });
        if (data.state === 'ready') {
          item.state = 'ready';
          break;
        }
        if (data.state === 'refused') {
          item.state = 'refused';
          item.message = '文件未通过安全检查（' + data.code + '），请换一个文件或改用 JPEG 照片';
          break;
        }
        await sleep(Math.min(500 * (attempt + 1), 3000));
      }
      if (item.state === 'checking') throw new Error('检查超时，请重试');
    } catch (error) {
      item.state = error.final ? 'refused' : 'failed';
      item.message = error.message && !/^HTTP|network/.test(error.message) ? error.message : '上传失败，请检查网络后重试';
    }
    this.#render();
  }

  #render() {
    const n = this.#items.length;
    this.count.textContent = `已选 ${n} / ${this.max} 个文件（照片最大 10 MB，PDF 最大 20 MB）`;
    this.input.disabled = n >= this.max;
    replace(this.list, this.#items.map((item) => {
      const label = { uploading: '正在上传', checking: '正在检查', ready: '已上传', failed: '上传失败', refused: '未通过' }[item.state];
      return h('li', { class: 'attachment', dataset: { state: item.state } },
        item.preview
          ? h('img', { class: 'thumb', src: item.preview, alt: '' })
          : h('span', { class: 'thumb doc', 'aria-hidden': 'true' }, 'PDF'),
        h('span', { class: 'attachment-body' },
          h('span', { class: 'attachment-name' }, item.name),
          h('progress', { max: '100', value: String(Math.round(item.progress * 100)), 'aria-label': `${item.name} 上传进度` }),
          h('span', { class: 'attachment-state' }, label, item.message ? '：' + item.message : '')),
        item.state === 'failed' ? h('button', { type: 'button', class: 'secondary small', onclick: () => this.retry(item) }, '重试') : null,
        h('button', { type: 'button', class: 'secondary small', onclick: () => this.remove(item), 'aria-label': `移除 ${item.name}` }, '移除'));
    }));
  }
}
