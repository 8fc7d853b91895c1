import CRSVG

/// SVG rasterisation through librsvg and cairo, on an opaque white background.
///
/// `rasterize(_:width:height:file:)` draws exactly as `rsvg-convert --width W --height H
/// --background-color white` does (librsvg 2.54, `rsvg-convert` `Surface::render`): paint
/// white, scale the cairo context by `W / naturalWidth` and `H / naturalHeight`, and render
/// the document into a viewport of its natural size. Choosing `W` and `H` with the natural
/// aspect ratio (`fitting`) keeps the drawing's proportions.
public enum SVG {
  /// Whether `bytes` looks like an SVG or XML document (after optional BOM and whitespace).
  static func isSVG(_ bytes: [UInt8]) -> Bool {
    var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
    return start < bytes.count && bytes[start] == UInt8(ascii: "<")
  }

  /// The document's size in pixels at 96 DPI (CSS pixels): its `width` and `height` if both are absolute
  /// lengths, else its `viewBox`.
  ///
  /// - Throws: `MediaError.corruptImage` if librsvg cannot parse the document or it has no
  ///   usable size.
  public static func naturalSize(_ svg: [UInt8], file: String) throws(MediaError) -> (
    width: Double, height: Double
  ) {
    let handle = try load(svg, file: file)
    defer { g_object_unref(handle) }
    return try naturalSize(handle, file: file)
  }

  /// Rasterises to exactly `width × height` pixels (see the type's description).
  ///
  /// - Parameters:
  ///   - svg: the document's bytes.
  ///   - width: output columns, 1…16384.
  ///   - height: output rows, 1…16384.
  ///   - file: the name used in error messages.
  /// - Throws: `MediaError.invalidImage` for a bad size, `.corruptImage` if librsvg fails.
  /// - Complexity: librsvg's rendering time, then O(width·height) to convert pixels.
  public static func rasterize(_ svg: [UInt8], width: Int, height: Int, file: String)
    throws(MediaError) -> Image
  {
    guard (1...16384).contains(width), (1...16384).contains(height) else {
      throw .invalidImage(reason: "SVG raster size \(width)×\(height) must be in 1…16384")
    }
    let handle = try load(svg, file: file)
    defer { g_object_unref(handle) }
    let natural = try naturalSize(handle, file: file)
    return try render(handle, natural: natural, width: width, height: height, file: file)
  }

  /// Rasterises with the natural aspect ratio so that the longer side is `side` pixels and
  /// the shorter `max(1, round(side · shorter / longer))`.
  ///
  /// - Throws: as `rasterize(_:width:height:file:)`.
  public static func rasterize(_ svg: [UInt8], fitting side: Int, file: String)
    throws(MediaError) -> Image
  {
    guard (1...16384).contains(side) else {
      throw .invalidImage(reason: "SVG raster side \(side) must be in 1…16384")
    }
    let handle = try load(svg, file: file)
    defer { g_object_unref(handle) }
    let natural = try naturalSize(handle, file: file)
    let (width, height) = fittingSize(natural, side: side)
    return try render(handle, natural: natural, width: width, height: height, file: file)
  }

  /// The pixel size with the natural aspect ratio whose longer side is `side`.
  public static func fittingSize(_ natural: (width: Double, height: Double), side: Int) -> (
    width: Int, height: Int
  ) {
    if natural.width >= natural.height {
      return (side, max(1, Int((Double(side) * natural.height / natural.width).rounded())))
    }
    return (max(1, Int((Double(side) * natural.width / natural.height).rounded())), side)
  }

  // MARK: - librsvg

  static func load(_ svg: [UInt8], file: String) throws(MediaError) -> UnsafeMutablePointer<
    RsvgHandle
  > {
    var error: UnsafeMutablePointer<GError>?
    let handle = svg.withUnsafeBufferPointer { bytes in
      rsvg_handle_new_from_data(bytes.baseAddress, gsize(bytes.count), &error)
    }
    guard let handle else { throw failure(error, file: file, what: "cannot parse the document") }
    // The library's default is 90 DPI; rsvg-convert (and CSS) use 96.
    rsvg_handle_set_dpi(handle, 96)
    return handle
  }

  static func naturalSize(_ handle: UnsafeMutablePointer<RsvgHandle>, file: String)
    throws(MediaError) -> (width: Double, height: Double)
  {
    var width = 0.0
    var height = 0.0
    if rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) != 0, width > 0,
      height > 0
    {
      return (width, height)
    }
    var hasWidth: gboolean = 0
    var hasHeight: gboolean = 0
    var hasViewBox: gboolean = 0
    var lengthWidth = RsvgLength()
    var lengthHeight = RsvgLength()
    var viewBox = RsvgRectangle()
    rsvg_handle_get_intrinsic_dimensions(
      handle, &hasWidth, &lengthWidth, &hasHeight, &lengthHeight, &hasViewBox, &viewBox)
    guard hasViewBox != 0, viewBox.width > 0, viewBox.height > 0 else {
      throw .corruptImage(
        file: file, format: "SVG", reason: "no absolute width/height and no viewBox")
    }
    return (viewBox.width, viewBox.height)
  }

  static func render(
    _ handle: UnsafeMutablePointer<RsvgHandle>, natural: (width: Double, height: Double),
    width: Int, height: Int, file: String
  ) throws(MediaError) -> Image {
    guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
    else { throw .corruptImage(file: file, format: "SVG", reason: "cairo cannot allocate") }
    defer { cairo_surface_destroy(surface) }
    guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let cr = cairo_create(surface)
    else { throw .corruptImage(file: file, format: "SVG", reason: "cairo cannot allocate") }
    defer { cairo_destroy(cr) }
    cairo_set_source_rgb(cr, 1, 1, 1)
    cairo_paint(cr)
    cairo_scale(cr, Double(width) / natural.width, Double(height) / natural.height)
    var viewport = RsvgRectangle(x: 0, y: 0, width: natural.width, height: natural.height)
    var error: UnsafeMutablePointer<GError>?
    guard rsvg_handle_render_document(handle, cr, &viewport, &error) != 0 else {
      throw failure(error, file: file, what: "cannot render the document")
    }
    cairo_surface_flush(surface)
    guard let data = cairo_image_surface_get_data(surface) else {
      throw .corruptImage(file: file, format: "SVG", reason: "cairo returned no pixels")
    }
    let stride = Int(cairo_image_surface_get_stride(surface))
    var pixels = [UInt8](repeating: 0, count: 3 * width * height)
    pixels.withUnsafeMutableBufferPointer { target in
      for y in 0..<height {
        let row = data + y * stride
        for x in 0..<width {
          // ARGB32 is a native-endian UInt32: B, G, R, A in memory on little-endian
          // machines. The background is opaque, so premultiplication changes nothing.
          let argb = UnsafeRawPointer(row + 4 * x).loadUnaligned(as: UInt32.self)
          let out = 3 * (y * width + x)
          target[out] = UInt8(truncatingIfNeeded: argb >> 16)
          target[out + 1] = UInt8(truncatingIfNeeded: argb >> 8)
          target[out + 2] = UInt8(truncatingIfNeeded: argb)
        }
      }
    }
    return Image(checkedWidth: width, height: height, pixels: pixels)
  }

  /// A `corruptImage` error carrying GLib's message, freeing the `GError`.
  static func failure(_ error: UnsafeMutablePointer<GError>?, file: String, what: String)
    -> MediaError
  {
    defer { if let error { g_error_free(error) } }
    let detail = error.flatMap { $0.pointee.message.map { String(cString: $0) } }
    return .corruptImage(
      file: file, format: "SVG", reason: detail.map { "\(what): \($0)" } ?? what)
  }
}
