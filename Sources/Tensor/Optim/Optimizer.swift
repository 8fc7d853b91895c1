/// A first-order optimiser over every parameter of one `ParameterStore`.
///
/// `step()` reads `store.gradients` (filled by `Tape.backward`) and updates
/// `store.values` in one flat loop. It fails, before changing anything, if a gradient is
/// NaN or infinite (`TensorError.nonFinite` with the step number and the parameter's
/// name); check the loss with `NonFiniteGuard.check(_:name:step:)` as well.
public protocol Optimizer: AnyObject {
  /// The parameters being optimised.
  var store: ParameterStore { get }
  /// The number of updates applied so far.
  var stepCount: Int { get }
  /// Multiplies the base learning rate at each update.
  var schedule: LearningRateSchedule { get }
  /// Applies one update.
  func step() throws(TensorError)
}

/// The update rule of an optimiser, with its hyperparameters (`SGDConfiguration`,
/// `AdamConfiguration`).
public protocol UpdateRule: Sendable {
  /// The base learning rate, scaled by the schedule at each update.
  var learningRate: Float { get }
  /// Checks every hyperparameter against its allowed range.
  func validate() throws(TensorError)
  /// Applies update number `t` (1 for the first) with learning rate `rate` to
  /// `store.values`, reading `store.gradients` and keeping state in the store's moments.
  func update(_ store: ParameterStore, rate: Float, step t: Int)
}

/// An optimiser: an update rule plus a learning-rate schedule over one store. Use it as
/// `SGD` or `Adam` (which with `decoupled` weight decay is AdamW).
public final class GradientDescent<Rule: UpdateRule>: Optimizer {
  public let store: ParameterStore
  /// The update rule and its hyperparameters.
  public let configuration: Rule
  public let schedule: LearningRateSchedule
  public private(set) var stepCount = 0

  /// An optimiser over `store`; throws for an invalid configuration or schedule.
  public init(store: ParameterStore, configuration: Rule, schedule: LearningRateSchedule = .constant)
    throws(TensorError)
  {
    try configuration.validate()
    try schedule.validate()
    self.store = store
    self.configuration = configuration
    self.schedule = schedule
  }

  public func step() throws(TensorError) {
    try NonFiniteGuard.check(store, step: stepCount)
    let rate = configuration.learningRate * schedule.factor(atStep: stepCount)
    stepCount += 1
    configuration.update(store, rate: rate, step: stepCount)
  }
}

/// Stochastic gradient descent with optional momentum (see `SGDConfiguration`).
public typealias SGD = GradientDescent<SGDConfiguration>
/// Adam, or AdamW with decoupled weight decay (see `AdamConfiguration`).
public typealias Adam = GradientDescent<AdamConfiguration>

extension GradientDescent where Rule == AdamConfiguration {
  /// Adam with PyTorch's defaults.
  public convenience init(store: ParameterStore, schedule: LearningRateSchedule = .constant) throws(TensorError) {
    try self.init(store: store, configuration: AdamConfiguration(), schedule: schedule)
  }
}
