"""The classroom: a teacher teaches a student to read; the ledgers show what each costs."""

from explainers import Beside, Student, Teacher, board, charts

teacher = Teacher(
    chip="training",
    fmt="fp32",
    hidden=16,
    batch_size=32,
    optimizer="momentum",
    precision="mixed",
    seed=1,
)
teacher.teach(
    lessons=500,
    noise=0.05,
    epochs=8,
)
student = Student(teacher)
report = student.read(pages=200)

taught = teacher.history[-1]
print(f"Taught {taught['epoch']} times over: {taught['accuracy']:.1%} right in class")
print(f"The student read {report.pages} new pages: {report.accuracy:.1%} correct")
teach, read = teacher.cost()["energy_pj"], report.cost(teacher.chip)["energy_pj"]
print(f"Energy on the {teacher.chip} chip: teaching {teach / 1e6:,.1f} µJ, "
      f"reading one page {read / 1e6:,.4f} µJ: teaching = {teach / read:,.0f} pages read")
held, reads = teacher.memory.total(), report.memory.total()
print(f"Memory: teaching a batch holds {held:,} bytes, reading a page {reads:,}: "
      f"{held / reads:.1f}x")
if teacher.scaler:  # fp16 with an fp32 master copy: scaled gradients must stay below 65,504
    steps = sum(epoch["steps"] for epoch in teacher.history)
    print(f"Loss scaling: {teacher.scaler.skipped} of {steps} steps skipped (a scaled gradient "
          f"passed 65,504); the scale is now {teacher.scaler.scale:,.0f}")

board.show(charts.learning(teacher.history))
board.show(charts.teach_vs_read(teacher, report))
board.show(charts.energy(teacher.cost()))
board.show(teacher.ledger, "Teaching everything")
board.show(report.per_page, "Reading one page")
board.show(Beside(teacher=teacher.memory, student=report.memory), "Memory held at the peak")
