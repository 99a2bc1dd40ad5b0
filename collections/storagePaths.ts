import path from 'node:path'

/** Local upload folders (used when no S3 bucket is configured). `MEDIA_DIR` moves them. */
export const mediaRoot = path.resolve(process.env.MEDIA_DIR || 'media')
export const mediaUploadsDir = path.join(mediaRoot, 'uploads')
export const artifactsDir = path.join(mediaRoot, 'artifacts')
