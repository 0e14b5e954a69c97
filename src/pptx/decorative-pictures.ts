// A decorative picture in the PowerPoint file: marked as PowerPoint marks one ("Mark as decorative"), with no
// description, so its accessibility checker and screen readers pass it by. pptxgenjs cannot say so: it is given this
// stand-in description, which the file's rewrite (reproducible-zip.ts) turns into PowerPoint's mark.
export const DECORATIVE = 'lectern:decorative';

const MARK =
  '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst>';

/** A slide's XML with each stand-in replaced by PowerPoint's mark of a decorative picture. */
export function markDecorativePictures(xml: string): string {
  return xml.replace(new RegExp(`(<p:cNvPr [^>]*?) descr="${DECORATIVE}">\\s*</p:cNvPr>`, 'g'), `$1>${MARK}</p:cNvPr>`);
}
