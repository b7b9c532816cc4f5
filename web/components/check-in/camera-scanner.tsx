'use client';

import { useEffect, useRef, useState } from 'react';
import styles from './check-in.module.css';

/** The part of the Barcode Detection API the door uses; where the browser has none, the door types codes instead. */
interface QrDetector {
  detect(source: HTMLVideoElement): Promise<Array<{ rawValue: string }>>;
}
type QrDetectorConstructor = new (options: { formats: string[] }) => QrDetector;

function qrDetectorConstructor(): QrDetectorConstructor | undefined {
  if (typeof window === 'undefined' || !navigator.mediaDevices?.getUserMedia) return undefined;
  return (window as unknown as { BarcodeDetector?: QrDetectorConstructor }).BarcodeDetector;
}

/** Whether this browser can scan QR codes with a camera. */
export function canScanWithCamera(): boolean {
  return qrDetectorConstructor() !== undefined;
}

// A code in view is read again and again: the same one counts once in this long.
const SAME_CODE_MS = 3_000;
const FRAME_INTERVAL_MS = 250;

/** The camera's picture with QR codes read off it, each handed to `onCode` once while it stays in view. */
export function CameraScanner({ onCode }: { onCode(code: string): void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const handler = useRef(onCode);
  handler.current = onCode;

  useEffect(() => {
    const Detector = qrDetectorConstructor();
    if (!Detector) return;
    const detector = new Detector({ formats: ['qr_code'] });
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let last = { code: '', at: 0 };
    let stopped = false;
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (media) => {
        if (stopped) return media.getTracks().forEach((track) => track.stop());
        stream = media;
        video.current!.srcObject = media;
        await video.current!.play();
        timer = setInterval(() => {
          void detector.detect(video.current!).then(
            (codes) => {
              const code = codes[0]?.rawValue;
              if (!code || (code === last.code && Date.now() - last.at < SAME_CODE_MS)) return;
              last = { code, at: Date.now() };
              handler.current(code);
            },
            () => undefined,
          );
        }, FRAME_INTERVAL_MS);
      })
      .catch(() => setProblem('The camera is not available: allow it in the browser, or type the code below.'));
    return () => {
      stopped = true;
      clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <div className={styles.camera}>
      {problem ? <p role="alert">{problem}</p> : <video ref={video} className={styles.video} muted playsInline aria-label="Camera picture, reading QR codes" />}
    </div>
  );
}
