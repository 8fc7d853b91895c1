import Media

extension Normalization {
  /// The "inception-style" statistics EfficientNet-Lite was trained with: `(v − 127)/128`
  /// on 0…255 values, i.e. mean 127/255 and standard deviation 128/255 on the 0…1 scale.
  ///
  /// Reference: tensorflow/tpu `models/official/efficientnet/lite/efficientnet_lite_builder.py`
  /// (`MEAN_RGB = [127.0, 127.0, 127.0]`, `STDDEV_RGB = [128.0, 128.0, 128.0]`, "Edge models use
  /// inception-style MEAN and STDDEV for better post-quantization"). The checkpoint agrees:
  /// on 120 MVSA photos, the stem convolution's output variance is 1.24× the running variance
  /// of the batch norm after it (median over channels) with these statistics, but 6.05× with
  /// ImageNet's mean and standard deviation (which the PyTorch port's README shows).
  public static var efficientNetLite: Normalization {
    var normalization = Normalization.imageNet
    normalization.mean = [Float](repeating: 127 / 255, count: 3)
    normalization.std = [Float](repeating: 128 / 255, count: 3)
    return normalization
  }
}

extension Preprocessing {
  /// EfficientNet-Lite0's evaluation pipeline: shorter side to 256 (bicubic), center crop
  /// 224, `Normalization.efficientNetLite`.
  ///
  /// TensorFlow's `preprocess_for_eval` crops the central 224/(224 + 32) = 87.5% of the
  /// shorter side and resizes it bicubically to 224²; resizing to 256 then cropping 224 is
  /// its torchvision form (as timm's `crop_pct = 0.875`, bicubic, for these weights).
  /// Reference: tensorflow/tpu `models/official/efficientnet/preprocessing.py`
  /// (`CROP_FRACTION = 0.875`, `_decode_and_center_crop`).
  public static var efficientNetLite0: Preprocessing {
    var preprocessing = Preprocessing.clip224
    preprocessing.shortSide = 256
    preprocessing.crop = EfficientNetArchitecture.imageSide
    preprocessing.filter = .bicubic
    preprocessing.normalization = .efficientNetLite
    return preprocessing
  }
}
