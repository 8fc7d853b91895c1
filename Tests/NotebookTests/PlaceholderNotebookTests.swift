import Testing
@testable import Notebook
@Test func placeholderNotebook() { #expect(1 + 1 == 2) }
