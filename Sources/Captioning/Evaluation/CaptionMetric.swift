/// The scores of the COCO caption toolkit (without SPICE), named as Reprise reports them.
public enum CaptionMetric: String, CaseIterable, Sendable, Codable, Comparable {
  case bleu1 = "BLEU-1"
  case bleu2 = "BLEU-2"
  case bleu3 = "BLEU-3"
  case bleu4 = "BLEU-4"
  case meteor = "METEOR"
  case rougeL = "ROUGE-L"
  case cider = "CIDEr"

  /// The key the toolkit uses in `COCOEvalCap.eval` (`Bleu_1`, …, `ROUGE_L`, `CIDEr`).
  public var toolkitName: String {
    switch self {
    case .bleu1: "Bleu_1"
    case .bleu2: "Bleu_2"
    case .bleu3: "Bleu_3"
    case .bleu4: "Bleu_4"
    case .meteor: "METEOR"
    case .rougeL: "ROUGE_L"
    case .cider: "CIDEr"
    }
  }

  public static func < (lhs: CaptionMetric, rhs: CaptionMetric) -> Bool {
    allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
  }
}
