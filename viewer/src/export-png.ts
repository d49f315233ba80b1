/**
 * The current view as a PNG. @sigma/export-image 3.0.0 declares sigma >=3 as its peer, but it
 * reads `getCanvases()`, which sigma 4 no longer has (sigma 4 draws nodes, edges and labels on
 * one WebGL stage canvas), so the stage is copied here instead: sigma redraws, and the stage is
 * drawn onto a 2D canvas in the same task, before the WebGL buffer is cleared.
 */
import type Sigma from 'sigma';

export interface ExportOptions {
  background?: string;
  /** A caption drawn in the top-left corner (the view's name). */
  caption?: string;
}

export function snapshotCanvas(sigma: Sigma<any, any>, options: ExportOptions = {}): Promise<HTMLCanvasElement> {
  return new Promise((resolve, reject) => {
    sigma.once('afterRender', () => {
      try {
        const stage = sigma.getStageCanvas();
        const canvas = document.createElement('canvas');
        canvas.width = stage.width;
        canvas.height = stage.height;
        const ctx = canvas.getContext('2d');
        if (ctx === null) throw new Error('no 2D canvas context');
        ctx.fillStyle = options.background ?? '#ffffff';
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.drawImage(stage, 0, 0);
        if (options.caption) {
          const ratio = stage.width / Math.max(1, stage.clientWidth);
          ctx.font = `${Math.round(13 * ratio)}px system-ui, sans-serif`;
          ctx.fillStyle = '#374151';
          ctx.textBaseline = 'top';
          ctx.fillText(options.caption, 10 * ratio, 10 * ratio);
        }
        resolve(canvas);
      } catch (error) {
        reject(error);
      }
    });
    sigma.refresh();
  });
}

export async function exportPng(sigma: Sigma<any, any>, options: ExportOptions = {}): Promise<Blob> {
  const canvas = await snapshotCanvas(sigma, options);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png'));
}

/** Save a blob through a temporary link (blob: URLs are allowed by the viewer's CSP). */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.download = fileName;
  link.href = url;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
