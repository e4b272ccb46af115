"""A small server-side SVG bar chart for the dashboard (no JavaScript, no CDN). Reconstructed
bars are hatched so the reader sees they were rebuilt from the former units; a bar with units
missing is pale with a dashed outline and says how many reported ('12/38'), so a drop that only
means 'not everyone has reported yet' is not read as a fall."""

from html import escape

from giaoban.core.numbers import format_vn_number


def bar_chart(points: list[tuple[str, object, bool]], unit: str = "", width: int = 360, height: int = 150,
              coverage: list[tuple[int, int]] | None = None) -> str:
    """points: (label, value or None, reconstructed); coverage: (reporting, expected) units per point."""
    values = [float(v) for _, v, _ in points if v is not None]
    top = max(values, default=0) or 1
    n = max(len(points), 1)
    bar_w = (width - 20) / n
    base = height - 30
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" class="chart" '
             f'aria-label="Biểu đồ {escape(unit)}">',
             '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
             '<rect width="6" height="6" fill="#9bb8e8"/><line x1="0" y1="0" x2="0" y2="6" stroke="#0b57d0" stroke-width="2"/></pattern></defs>']
    for i, (label, v, recon) in enumerate(points):
        x = 10 + i * bar_w
        if v is not None:
            h = float(v) / top * (base - 18)
            count, expected = coverage[i] if coverage else (0, 0)
            short = count < expected
            fill = "url(#hatch)" if recon else "#c9d8f5" if short else "#0b57d0"
            text = format_vn_number(round(float(v))) if abs(float(v)) >= 100 else format_vn_number(round(float(v), 1))
            notes = (" (dựng lại)" if recon else "") + (f" – chưa đủ: {count}/{expected} đơn vị" if short else "")
            extra = ' class="incomplete" stroke="#0b57d0" stroke-dasharray="3 2"' if short else ""
            parts.append(f'<rect x="{x + 3:.1f}" y="{base - h:.1f}" width="{bar_w - 6:.1f}" height="{h:.1f}" fill="{fill}"{extra}>'
                         f'<title>{escape(label)}: {text} {escape(unit)}{notes}</title></rect>')
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{base - h - 4:.1f}" font-size="9" text-anchor="middle">{text}</text>')
            if short:
                parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{height - 3}" font-size="8" text-anchor="middle" '
                             f'fill="#9a6700">{count}/{expected}</text>')
        parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{height - 14}" font-size="9" text-anchor="middle">{escape(label)}</text>')
    parts.append(f'<line x1="8" y1="{base}" x2="{width - 8}" y2="{base}" stroke="#57606a" stroke-width="0.6"/></svg>')
    return "".join(parts)
