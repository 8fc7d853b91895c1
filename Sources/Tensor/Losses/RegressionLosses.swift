/// Mean absolute error `mean(|prediction − target|)` (PyTorch `l1_loss`); composite of
/// `-`, `abs` and `mean`, so gradients flow to both sides when they are tracked.
public func l1Loss(_ prediction: Variable, _ target: Variable) -> Variable {
  precondition(prediction.shape == target.shape, "l1Loss: \(prediction.shape) vs \(target.shape)")
  return mean(abs(prediction - target))
}

/// Mean squared error `mean((prediction − target)²)` (PyTorch `mse_loss`); composite.
public func mseLoss(_ prediction: Variable, _ target: Variable) -> Variable {
  precondition(prediction.shape == target.shape, "mseLoss: \(prediction.shape) vs \(target.shape)")
  return mean(square(prediction - target))
}
